import ElectronStore from 'electron-store';
import { ConfBackedSettingsStore } from './settings-store';
import { settingsFileName } from './conf-settings-store';
import type { SettingsFile } from './settings-schema';

/**
 * The desktop settings store: electron-store in the app's userData dir. electron-store extends conf, so the
 * rules are the conf-backed store's, tested headless; this only picks the Electron location. Import it from
 * the Electron composition root only: electron-store needs Electron at runtime.
 */
export function openElectronSettingsStore(dataDir?: string): ConfBackedSettingsStore {
  const store = new ElectronStore<SettingsFile>({
    name: settingsFileName,
    ...(dataDir !== undefined && { cwd: dataDir }),
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
  return new ConfBackedSettingsStore(store);
}
