import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DeploymentFileError,
  deploymentFileCandidates,
  readDeploymentFile,
} from '../../../main/store/deployment-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deployment-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('deploymentFileCandidates', () => {
  it("looks beside the app first, then in the system's config folder of each system", () => {
    expect(deploymentFileCandidates('linux', '/opt/Sched Sync/sched-sync', {})).toEqual([
      '/opt/Sched Sync/sched-sync.json',
      '/etc/sched-sync/sched-sync.json',
    ]);
    expect(deploymentFileCandidates('darwin', '/Applications/X.app/Contents/MacOS/X', {})[1]).toBe(
      '/Library/Application Support/Sched Sync/sched-sync.json',
    );
    expect(deploymentFileCandidates('win32', 'C:/x/sched-sync.exe', { ProgramData: 'D:/PD' })[1]).toBe(
      join('D:/PD', 'Sched Sync', 'sched-sync.json'),
    );
  });
});

describe('readDeploymentFile', () => {
  it('reads the first file that exists', async () => {
    const path = join(dir, 'sched-sync.json');
    await writeFile(
      path,
      JSON.stringify({
        sched_base_url: 'https://api.sched.example/v1',
        oauth_clients: { microsoft: { client_id: 'ms-id', tenant: 'contoso' } },
        default_sync_settings: { privacy: 'busy-only' },
        locked: ['oauth_clients.microsoft', 'default_sync_settings.privacy'],
      }),
    );

    const deployment = readDeploymentFile([join(dir, 'missing.json'), path]);

    expect(deployment?.path).toBe(path);
    expect(deployment?.settings.oauth_clients?.microsoft).toEqual({ client_id: 'ms-id', tenant: 'contoso' });
    expect(deployment?.settings.locked).toEqual(['oauth_clients.microsoft', 'default_sync_settings.privacy']);
  });

  it('is null when there is no file', () => {
    expect(readDeploymentFile([join(dir, 'missing.json')])).toBeNull();
  });

  it('names the file and the field of a file it refuses', async () => {
    const path = join(dir, 'sched-sync.json');
    await writeFile(path, JSON.stringify({ locked: ['api_key'], sched_base_url: 'http://plain.example' }));

    const read = () => readDeploymentFile([path]);

    expect(read).toThrow(DeploymentFileError);
    expect(read).toThrow(new RegExp(`${path}.*locked\\.0.*sched_base_url`));
  });

  it('says a file that is not JSON is not JSON', async () => {
    const path = join(dir, 'sched-sync.json');
    await writeFile(path, '{ oops');

    expect(() => readDeploymentFile([path])).toThrow(/is not valid: it is not JSON/);
  });
});
