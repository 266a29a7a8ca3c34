/**
 * The agent under soak: `sched-sync agent` in a child process of its own (started with `node --import tsx`, so the
 * child's pid is the agent itself and a SIGKILL hits it, not a wrapper), against the soak's sandbox, on one data
 * folder that outlives every kill. Its log goes to `agent-N.log` beside the data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** An agent API answer; `status` 0 when the request never got one (the agent died or the call timed out). */
export interface ApiAnswer {
  status: number;
  // The soak reads whatever JSON the agent returns; its shapes are tested elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One life of the agent process. */
export interface AgentLife {
  pid: number;
  alive(): boolean;
  /** Runs started and not yet finished, as the agent's log says. */
  runsInFlight(): number;
  /** Resolves once a run is in flight, or after `ms`; whether one is. */
  untilRunInFlight(ms: number): Promise<boolean>;
  api(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<ApiAnswer>;
  /** Sends `signal` and resolves once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the agent on `dataDir`; resolves once it printed its ready line (within a minute). */
export async function startAgent(
  sandbox: { url: string; caPath: string },
  dataDir: string,
  life: number,
): Promise<AgentLife> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/cli/main.ts',
      'agent',
      '--sandbox',
      sandbox.url,
      '--ca',
      sandbox.caPath,
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  );
  const log = createWriteStream(join(dataDir, '..', `agent-${life}.log`));
  child.stderr!.pipe(log);
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"type":"run-started"')) inFlight += 1;
      else if (line.includes('"type":"run-finished"')) inFlight = Math.max(0, inFlight - 1);
    }
    if (inFlight > 0) for (const wake of waiters.splice(0)) wake();
  });
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('The agent printed no ready line within 60 s.')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`The agent exited before it was ready (see agent-${life}.log).`));
    });
  });
  return {
    pid: child.pid!,
    alive: () => !exited,
    runsInFlight: () => inFlight,
    async untilRunInFlight(ms) {
      if (inFlight === 0) {
        let wake = () => undefined as void;
        const timer = setTimeout(() => wake(), ms);
        await new Promise<void>((resolve) => {
          wake = resolve;
          waiters.push(resolve);
        });
        clearTimeout(timer);
        waiters = waiters.filter((w) => w !== wake);
      }
      return inFlight > 0;
    },
    async api(method, path, body, timeoutMs = 120_000) {
      try {
        const response = await fetch(`${ready.url}/api${path}`, {
          method,
          headers: {
            authorization: `Bearer ${ready.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        return { status: 0, body: String(error) };
      }
    },
    async stop(signal) {
      if (!exited) child.kill(signal);
      await gone;
    },
  };
}
