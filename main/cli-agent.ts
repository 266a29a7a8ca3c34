/**
 * `sched-sync agent`: the headless agent on 127.0.0.1 (API.md §1). Prints `{"url","token","ui_url"}` when ready,
 * stops cleanly on SIGINT/SIGTERM: runs in flight finish their batch, the state DB closes, the sandbox saves.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpec, FlagValues } from './cli-args';
import { createLogger } from './agent/logger';

export const agentCommand: CommandSpec = {
  name: 'agent',
  summary:
    'Run the agent without a window: the agent API under /api and the web UI on 127.0.0.1; prints one JSON line when ready.',
  flags: {
    port: { type: 'integer' },
    data: { type: 'string' },
    sandbox: { type: 'string', optionalValue: true },
    ca: { type: 'string' },
  },
};

/** The default data dir of the headless agent. */
export const defaultAgentDataDir = (): string => join(homedir(), '.sched-sync', 'agent');

/** The built web UI beside this file (dist-electron/../dist/renderer) or in the source tree's build output. */
function findUiDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, '../dist/renderer'), resolve(here, '../../dist/renderer')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  untilStopped: () => Promise<string>;
}

/** Runs the agent until a signal; resolves with the exit code. */
export async function runAgent(flags: FlagValues, io: Io): Promise<number> {
  const port = (flags.port as number | undefined) ?? 0;
  if (port < 0 || port > 65535) {
    io.stderr.write('sched-sync agent: --port must be from 0 to 65535.\n');
    return 2;
  }
  const sandboxFlag = flags.sandbox;
  if (typeof sandboxFlag === 'string' && typeof flags.ca !== 'string') {
    io.stderr.write(
      'sched-sync agent: --sandbox URL needs --ca PATH (the sandbox CA certificate it printed).\n',
    );
    return 2;
  }
  const dataDir = (flags.data as string | undefined) ?? defaultAgentDataDir();
  const logger = createLogger(io.stderr);
  // Loaded here so that `sched-sync sandbox` and the operations never load the agent.
  const { startAgentHost } = await import('./agent-host');
  const host = await startAgentHost({
    dataDir,
    port,
    sandbox:
      typeof sandboxFlag === 'string'
        ? { url: sandboxFlag, caPath: flags.ca as string }
        : sandboxFlag === true
          ? 'embedded'
          : undefined,
    uiDir: findUiDir(),
    env: process.env,
    syncOnStart: true,
    log: (line) => logger.info(line),
  });
  io.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, ui_url: host.ui_url })}\n`);
  const signal = await io.untilStopped();
  await host.close();
  io.stderr.write(`sched-sync agent: stopped on ${signal}.\n`);
  return 0;
}
