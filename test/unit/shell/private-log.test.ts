import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPrivateLog } from '../../../main/shell/private-log';

const write = (stream: ReturnType<typeof openPrivateLog>, line: string) =>
  new Promise<void>((resolve) => stream.end(line, () => resolve()));

describe('openPrivateLog', () => {
  it('creates the log readable by its owner only, whatever the umask', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sched-log-'));
    const path = join(dir, 'sched-sync.log');
    const before = process.umask(0o022);

    await write(openPrivateLog(path), 'first\n');
    process.umask(before);
    const mode = (await stat(path)).mode & 0o777;
    await rm(dir, { recursive: true, force: true });

    expect(mode).toBe(0o600);
  });

  it('narrows an existing 0644 log to 0600 and appends to it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sched-log-'));
    const path = join(dir, 'sched-sync.log');
    await writeFile(path, 'old\n', { mode: 0o644 });

    await write(openPrivateLog(path), 'new\n');
    const mode = (await stat(path)).mode & 0o777;
    const text = await readFile(path, 'utf8');
    await rm(dir, { recursive: true, force: true });

    expect(mode).toBe(0o600);
    expect(text).toBe('old\nnew\n');
  });
});
