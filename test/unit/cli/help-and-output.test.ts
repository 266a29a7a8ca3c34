import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findOpCommand, opCommands } from '../../../main/cli/agent-ops';
import { plainResult, plainTime } from '../../../main/cli/plain-output';
import { COMMANDS, runCli } from '../../../main/cli/run-cli';
import { syncSettingsFields } from '../../../preload/contract';

async function help(): Promise<string> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const code = await runCli(['--help'], { stdout, stderr: new PassThrough(), untilStopped: async () => 'x' });
  expect(code).toBe(0);
  return chunks.join('');
}

describe('sched-sync --help', () => {
  it('lists every command, every flag of agent and sandbox, and every settings flag', async () => {
    const text = await help();

    for (const command of COMMANDS) {
      for (const flag of Object.keys(command.flags)) expect(text).toMatch(new RegExp(`^ +--${flag}\\b`, 'm'));
    }
    for (const op of opCommands) expect(text).toMatch(new RegExp(`^  ${op.words.join(' ')} +\\S`, 'm'));
    for (const field of syncSettingsFields) expect(text).toContain(`--${field.replaceAll('_', '-')} `);
    for (const flag of ['--data DIR', '--url URL', '--token TOKEN', '--json JSON'])
      expect(text).toContain(flag);
  });

  it('aligns the descriptions of the operations in one column', async () => {
    const text = await help();
    const rows = text
      .split('\n')
      .filter((line) => opCommands.some((op) => line.startsWith(`  ${op.words.join(' ')} `)));
    const starts = rows.map((line) => {
      const [, left = '', gap = ''] = /^ {2}(.*?\S)( {2,})\S/.exec(line) ?? [];
      return 2 + left.length + gap.length;
    });

    expect(new Set(starts).size).toBe(1);
  });
});

describe('sched-sync settings', () => {
  it('alone shows the settings, like settings get', () => {
    expect(findOpCommand(['settings'])?.op).toBe('getSettings');
    expect(findOpCommand(['settings', 'set'])?.op).toBe('updateSettings');
  });
});

describe('plain output', () => {
  it('prints a conflict time as the wall time in its zone, not an ISO string with the zone in brackets', () => {
    expect(plainTime('2025-03-04T09:00:00.000Z (Europe/Berlin)')).toBe('2025-03-04 10:00 Europe/Berlin');
    expect(plainTime('2025-07-01T09:30:00Z (America/New_York)')).toBe('2025-07-01 05:30 America/New_York');
  });

  it('leaves other strings alone, nested anywhere in the result', () => {
    const result = plainResult({
      conflicts: [
        {
          differences: [{ field: 'start', sched: '2025-03-04T09:00:00.000Z (UTC)', external: '2025-03-05' }],
        },
      ],
      last_sync: '2025-03-04T09:00:00.000Z',
    });

    expect(result).toEqual({
      conflicts: [
        { differences: [{ field: 'start', sched: '2025-03-04 09:00 UTC', external: '2025-03-05' }] },
      ],
      last_sync: '2025-03-04T09:00:00.000Z',
    });
  });
});
