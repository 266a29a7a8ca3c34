import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { startAgentProcess, type AgentProcess } from './fixtures/cli-agent-process';

let sandbox: TestSandbox;
let dataDir: string;
let agent: AgentProcess | undefined;

/** A process's arguments or environment as the system shows them (NUL-separated). */
const procList = async (pid: number, file: 'cmdline' | 'environ') =>
  (await readFile(`/proc/${pid}/${file}`, 'utf8')).split('\0').filter(Boolean);

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'empty' });
  dataDir = await mkdtemp(join(tmpdir(), 'sched-sync-start-options-'));
}, 60_000);

afterAll(async () => {
  await agent?.stop('SIGTERM');
  await sandbox?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('sched-sync agent with the options only a starting process reads', () => {
  it('is still the one process it was started as, now with its young-generation size and malloc arenas', async () => {
    agent = await startAgentProcess(sandbox, dataDir);

    const args = await procList(agent.pid, 'cmdline');
    const env = await procList(agent.pid, 'environ');
    const status = await agent.api('GET', '/status');

    expect(args).toContain('--max-semi-space-size=1');
    expect(args[args.indexOf('agent') - 1]).toMatch(/main\/cli\/main\.ts$/);
    expect(env).toContain('MALLOC_ARENA_MAX=2');
    expect(status.status).toBe(200);
    expect(JSON.parse(await readFile(join(dataDir, 'agent.json'), 'utf8')).pid).toBe(agent.pid);
  }, 60_000);

  it('stops cleanly on SIGTERM, as before the restart', async () => {
    const stopped = await agent!.stop('SIGTERM');
    agent = undefined;

    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('sched-sync agent: stopped on SIGTERM.');
  }, 60_000);
});
