import { describe, expect, it } from 'vitest';
import {
  agentStartEnv,
  agentStartFlags,
  restartWithStartOptions,
  restartedMarker,
  type ProcessLike,
} from '../../../main/cli/agent-start-options';

/** A process whose `execve` records the program it was asked to become. */
function fakeProcess(overrides: Partial<ProcessLike> = {}) {
  const execs: { file: string; args: string[]; env: Record<string, string | undefined> }[] = [];
  const proc: ProcessLike = {
    platform: 'linux',
    execPath: '/usr/bin/node',
    execArgv: [],
    argv: ['/usr/bin/node', '/opt/sched-sync/cli.js', 'agent', '--data', '/home/ana/agent'],
    env: { HOME: '/home/ana', PATH: '/usr/bin' },
    execve: (file, args, env) => execs.push({ file, args, env }),
    ...overrides,
  };
  return { proc, execs };
}

describe('the headless agent starting itself with its start options', () => {
  it('becomes the same program with the same arguments, its Node option and its malloc settings', () => {
    const { proc, execs } = fakeProcess({ execArgv: ['--enable-source-maps'] });

    restartWithStartOptions(proc);

    expect(execs).toEqual([
      {
        file: '/usr/bin/node',
        args: [
          '/usr/bin/node',
          '--max-semi-space-size=1',
          '--enable-source-maps',
          '/opt/sched-sync/cli.js',
          'agent',
          '--data',
          '/home/ana/agent',
        ],
        env: {
          HOME: '/home/ana',
          PATH: '/usr/bin',
          MALLOC_ARENA_MAX: '2',
          MALLOC_TRIM_THRESHOLD_: '131072',
          MALLOC_MMAP_THRESHOLD_: '131072',
          [restartedMarker]: 'MALLOC_ARENA_MAX,MALLOC_TRIM_THRESHOLD_,MALLOC_MMAP_THRESHOLD_',
        },
      },
    ]);
    expect(agentStartFlags).toEqual(['--max-semi-space-size=1']);
  });

  it('once restarted, runs on, and takes out what it added so that nothing it starts inherits it', () => {
    const { proc, execs } = fakeProcess();
    restartWithStartOptions(proc);
    const restarted = fakeProcess({ env: { ...execs[0]!.env } });

    restartWithStartOptions(restarted.proc);

    expect(restarted.execs).toEqual([]);
    expect(restarted.proc.env).toEqual({ HOME: '/home/ana', PATH: '/usr/bin' });
  });

  it("keeps the person's own malloc setting and Node option, before and after the restart", () => {
    const { proc, execs } = fakeProcess({
      execArgv: ['--max-semi-space-size=8'],
      env: { MALLOC_ARENA_MAX: '4' },
    });

    restartWithStartOptions(proc);
    const restarted = fakeProcess({ env: { ...execs[0]!.env } });
    restartWithStartOptions(restarted.proc);

    expect(execs[0]!.args.filter((arg) => arg.startsWith('--max-semi'))).toEqual(['--max-semi-space-size=8']);
    expect(execs[0]!.env.MALLOC_ARENA_MAX).toBe('4');
    expect(restarted.proc.env).toEqual({ MALLOC_ARENA_MAX: '4' });
  });

  it('leaves out its Node option when NODE_OPTIONS sets it, since its own on the command line would win', () => {
    const { proc, execs } = fakeProcess({
      env: { NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=4' },
    });

    restartWithStartOptions(proc);

    expect(execs[0]!.args).toEqual([
      '/usr/bin/node',
      '/opt/sched-sync/cli.js',
      'agent',
      '--data',
      '/home/ana/agent',
    ]);
    expect(execs[0]!.env.NODE_OPTIONS).toBe('--enable-source-maps --max-semi-space-size=4');
  });

  it('runs on as it is where the system cannot restart it: Windows, an older Node, a refused execve', () => {
    const windows = fakeProcess({ platform: 'win32' });
    const olderNode = fakeProcess({ execve: undefined });
    const refused = fakeProcess({
      execve: () => {
        throw new Error('EPERM');
      },
    });

    restartWithStartOptions(windows.proc);
    restartWithStartOptions(olderNode.proc);
    restartWithStartOptions(refused.proc);

    expect(windows.execs).toEqual([]);
    expect(olderNode.proc.env).toEqual({ HOME: '/home/ana', PATH: '/usr/bin' });
    expect(refused.proc.env).toEqual({ HOME: '/home/ana', PATH: '/usr/bin' });
    expect(Object.keys(agentStartEnv)).toEqual([
      'MALLOC_ARENA_MAX',
      'MALLOC_TRIM_THRESHOLD_',
      'MALLOC_MMAP_THRESHOLD_',
    ]);
  });
});
