import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run-cli';
import { call, trustCa, type JsonBody } from './helpers/start-test-sandbox';

const repo = join(import.meta.dirname, '..', '..');

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  // The repo's tsx, run by this Node (22), exactly as `npx tsx main/cli/main.ts …` does.
  return spawn(join(repo, 'node_modules', '.bin', 'tsx'), ['main/cli/main.ts', ...args], {
    cwd: repo,
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
  });
}

async function readyLine(child: ChildProcessWithoutNullStreams): Promise<JsonBody> {
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  return JSON.parse(line) as JsonBody;
}

function collect(stream: NodeJS.ReadableStream): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('sched-sync sandbox (spawned)', () => {
  const dirs: string[] = [];
  const children: ChildProcessWithoutNullStreams[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the ready line, serves it, and stops cleanly on %s with its state saved',
    async (signal) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'sched-sync-cli-'));
      dirs.push(dataDir);
      const child = startCli(['sandbox', '--port', '0', '--data', dataDir]);
      children.push(child);
      const stderr = collect(child.stderr);

      const info = await readyLine(child);
      trustCa(await readFile(info.ca, 'utf8'));
      const served = await call(`${info.url}/sandbox/info`);
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];

      expect(Object.keys(info)).toEqual(['url', 'ca', 'sched', 'google', 'microsoft']);
      expect(info.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(info.ca).toBe(join(dataDir, 'ca.pem'));
      expect(served.body).toEqual(info);
      expect(code).toBe(0);
      expect(stderr()).toContain(`stopped on ${signal}`);
      expect((await stat(join(dataDir, 'state.json'))).size).toBeGreaterThan(0);
    },
  );
});

describe('sched-sync argument errors', () => {
  async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout);
    const err = collect(stderr);
    const code = await runCli(argv, { stdout, stderr, untilStopped: () => Promise.resolve('test') });
    return { code, stdout: out(), stderr: err() };
  }

  it.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['sandbox', '--colour', 'red'], 'Unknown option --colour'],
    [['sandbox', '--seed', 'lots'], '--seed must be one of demo, empty'],
    [['sandbox', '--port', 'eighty'], '--port takes a whole number'],
    [['sandbox', '--port'], '--port needs a value'],
    [['sandbox', 'extra'], 'unexpected argument "extra"'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('prints usage and exits 0 for --help', async () => {
    const result = await run(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sched-sync <command>');
    expect(result.stdout).toContain('sandbox');
  });
});
