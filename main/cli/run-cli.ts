/**
 * The `sched-sync` command without Electron (API.md §1): the command table, `sched-sync sandbox`, and dispatch to
 * the headless agent (headless-agent.ts, loaded only for `agent`) and the operations against a running one
 * (agent-ops.ts). Wiring only: the work happens in the modules it calls.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findOpCommand, opCommands, runOp } from './agent-ops';
import { parseCommandLine, usage, type CommandSpec, type FlagValues } from './command-line';
import { helpText } from './help-text';

/** Where the command writes and which signals stop it; tests and the bin entry pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  untilStopped: () => Promise<string>;
}

/** The commands `sched-sync` knows. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'agent',
    summary:
      'Run the agent without a window: the agent API under /api and the web UI on 127.0.0.1; prints one JSON line when ready.',
    flags: {
      port: {
        type: 'integer',
        valueName: 'N',
        description: 'the port on 127.0.0.1 (0, the default: any free port)',
      },
      data: {
        type: 'string',
        valueName: 'DIR',
        description: 'settings, state, token and sandbox folder (default ~/.sched-sync/agent)',
      },
      sandbox: {
        type: 'string',
        optionalValue: true,
        valueName: 'URL',
        description: 'Sandbox mode: an embedded sandbox, or the running one at URL',
      },
      ca: {
        type: 'string',
        valueName: 'PATH',
        description: 'the CA certificate (PEM) of the sandbox at --sandbox URL',
      },
    },
  },
  {
    name: 'sandbox',
    summary:
      'Start local HTTPS stand-ins for Sched, Google Calendar, Microsoft Graph and their OAuth servers; prints one JSON line when ready.',
    flags: {
      port: {
        type: 'integer',
        valueName: 'N',
        description: 'the HTTPS port (0, the default: any free port)',
      },
      seed: { type: 'string', choices: ['demo', 'empty'], description: 'the data a new sandbox starts with' },
      data: {
        type: 'string',
        valueName: 'DIR',
        description: 'where it keeps its state (default ~/.sched-sync/sandbox)',
      },
      host: { type: 'string', choices: ['127.0.0.1', 'localhost'], description: 'the host name in its URLs' },
    },
  },
];

/** Resolves with the signal that asked the process to stop. */
export function processSignals(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runSandbox(flags: FlagValues, io: CliIo): Promise<number> {
  const port = (flags.port as number | undefined) ?? 0;
  if (port < 0 || port > 65535) {
    io.stderr.write('sched-sync sandbox: --port must be from 0 to 65535.\n');
    return 2;
  }
  const dataDir = (flags.data as string | undefined) ?? join(homedir(), '.sched-sync', 'sandbox');
  const seed = flags.seed as 'demo' | 'empty' | undefined;
  // Loaded only for this command: the sandbox and oidc-provider stay out of every other command's start.
  const { startSandbox } = await import('../../sandbox/sandbox');
  const sandbox = await startSandbox({ dataDir, port, seed, host: flags.host as string | undefined });
  if (seed && seed !== sandbox.seed) {
    io.stderr.write(
      `sched-sync sandbox: ${dataDir} already holds a "${sandbox.seed}" sandbox; kept its state (use another --data for a fresh "${seed}" one).\n`,
    );
  }
  io.stdout.write(`${JSON.stringify(sandbox.info)}\n`);
  const signal = await io.untilStopped();
  await sandbox.close();
  io.stderr.write(`sched-sync sandbox: stopped on ${signal}; state saved in ${dataDir}.\n`);
  return 0;
}

/** Runs `sched-sync` with the given arguments; resolves with the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, untilStopped: processSignals },
): Promise<number> {
  if (findOpCommand(argv)) {
    try {
      return await runOp(argv, io);
    } catch (error) {
      io.stderr.write(`sched-sync: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  const parsed = parseCommandLine(argv, COMMANDS);
  if (parsed.kind === 'help') {
    io.stdout.write(helpText(COMMANDS, opCommands));
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr.write(`sched-sync: ${parsed.message}\n\n${usage(COMMANDS)}`);
    return 2;
  }
  if (parsed.positionals.length > 0) {
    io.stderr.write(`sched-sync ${parsed.command}: unexpected argument "${parsed.positionals[0]}".\n`);
    return 2;
  }
  try {
    switch (parsed.command) {
      case 'sandbox':
        return await runSandbox(parsed.flags, io);
      case 'agent':
        // Loaded here so that `sched-sync sandbox` and the operations never load the agent.
        return await (await import('./headless-agent')).runAgent(parsed.flags, io);
      default:
        io.stderr.write(`sched-sync: "${parsed.command}" is not available yet.\n`);
        return 2;
    }
  } catch (error) {
    io.stderr.write(
      `sched-sync ${parsed.command}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
