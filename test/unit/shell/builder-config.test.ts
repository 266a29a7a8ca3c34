import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The `electronFuses:` block of electron-builder.yml, read as flat `key: boolean` lines. */
async function fusesOf(path: string): Promise<Record<string, boolean>> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === 'electronFuses:');
  const fuses: Record<string, boolean> = {};
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    const match = /^ {2}(\w+):\s*(true|false)\s*$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

describe('electron-builder.yml', () => {
  it('flips the fuses that keep the packaged app from being run as something else', async () => {
    const fuses = await fusesOf(join(import.meta.dirname, '../../../electron-builder.yml'));

    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
