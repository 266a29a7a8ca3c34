import Conf from 'conf';
import { ConfBackedSettingsStore, SettingsFileError } from './settings-store';
import type { SettingsFile } from './settings-schema';

/** The settings file's name in the data dir, without its `.json` extension. */
export const settingsFileName = 'settings';

/**
 * The headless settings store: `settings.json` in `dataDir`, through conf. Owner-only permissions since the
 * file names accounts and calendars (it holds no secret). A file that is not JSON is reported, never wiped:
 * clearing it would silently drop every connection.
 */
export function openConfSettingsStore(dataDir: string): ConfBackedSettingsStore {
  let conf: Conf<SettingsFile>;
  try {
    conf = new Conf<SettingsFile>({
      cwd: dataDir,
      configName: settingsFileName,
      configFileMode: 0o600,
      // Calendar ids are e-mail addresses full of dots; whole-object access only.
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SettingsFileError(`${dataDir}/${settingsFileName}.json`, `it is not readable JSON (${reason})`);
  }
  return new ConfBackedSettingsStore(conf);
}
