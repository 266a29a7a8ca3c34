/**
 * Starts the real headless agent (`sched-sync agent --sandbox`, with its embedded sandbox) for browser tests, the way
 * a person would, and gives the test its ready line. Each test gets a fresh agent and data dir.
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The agent's ready line (API.md §1) and a way to stop it. */
export interface RunningAgent {
  url: string;
  token: string;
  ui_url: string;
  dataDir: string;
  /** Stops the agent (SIGTERM: it finishes and saves), resolving when the process has exited. */
  stop(): Promise<void>;
}

const readyTimeoutMs = 60_000;

/** Spawns the agent command from the source tree and waits for its ready line. */
export async function startAgent(): Promise<RunningAgent> {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error(
      'The web UI is not built: run `npx vite build` (or `npm run build`) before the e2e tests.',
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sched-sync-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/main.ts', 'agent', '--sandbox', '--port', '0', '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const ready = await readyLine(child, () => stderr.join('')).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...ready,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function readyLine(
  child: ChildProcess,
  stderr: () => string,
): Promise<{ url: string; token: string; ui_url: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The agent did not print its ready line in time.\n${stderr()}`)),
      readyTimeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The agent exited (${code}) before it was ready.\n${stderr()}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { url: string; token: string; ui_url: string });
      } catch {
        reject(new Error(`The agent's first line is not JSON: ${line}`));
      }
    });
  });
}

/** `test` with an `agent` fixture: a fresh headless agent in Sandbox mode. */
export const test = base.extend<{ agent: RunningAgent }>({
  // Playwright reads a fixture's dependencies from this destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  agent: async ({}, use) => {
    const agent = await startAgent();
    try {
      await use(agent);
    } finally {
      await agent.stop();
    }
  },
});

export { expect } from '@playwright/test';
