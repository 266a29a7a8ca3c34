/**
 * `sched-sync <op> …`: the agent API from the shell, against a running agent (API.md §1). Words pick the operation,
 * positionals and `--flags` fill its input (`--resource-id` → `resource_id`; sync settings flags go into
 * `sync_settings`), and the request goes over the same HTTP routes the web UI uses. Prints the result as JSON.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { requestOf, syncSettingsFields, type OperationName } from '../../preload/contract';
import { plainResult } from './plain-output';

/** The default data dir of the headless agent (where its address and token are found). */
export const defaultAgentDataDir = (): string => join(homedir(), '.sched-sync', 'agent');

interface OpCommand {
  words: string[];
  op: OperationName;
  /** Input fields filled from positionals, in order; a trailing `?` makes one optional. */
  positionals?: string[];
  /** Where sync settings flags go, if this operation takes them. */
  settingsField?: 'sync_settings' | 'default_sync_settings';
  /** Input fields the command words themselves stand for (`calendars pause` → `paused: true`). */
  fixed?: Record<string, unknown>;
  help: string;
}

export const opCommands: OpCommand[] = [
  { words: ['status'], op: 'status', help: 'mode (sandbox or live), keychain, connections' },
  {
    words: ['diagnostics'],
    op: 'diagnostics',
    help: 'versions, mode, connections, recent runs and log lines, every secret removed',
  },
  { words: ['calendars', 'list'], op: 'list', help: 'connected calendars and their status' },
  {
    words: ['calendars', 'connect'],
    op: 'connect',
    settingsField: 'sync_settings',
    help: '--resource-id ID --calendar-service google|microsoft --calendar-id ID [--account-id ID] [--oauth-token T] [settings flags]',
  },
  {
    words: ['calendars', 'update'],
    op: 'update',
    positionals: ['calendar_id'],
    settingsField: 'sync_settings',
    help: 'CALENDAR_ID [--resource-id ID] [--oauth-token T] [settings flags]',
  },
  { words: ['calendars', 'disconnect'], op: 'disconnect', positionals: ['calendar_id'], help: 'CALENDAR_ID' },
  {
    words: ['calendars', 'pause'],
    op: 'update',
    positionals: ['calendar_id'],
    fixed: { paused: true },
    help: 'CALENDAR_ID: stop syncing it, keeping its state',
  },
  {
    words: ['calendars', 'resume'],
    op: 'update',
    positionals: ['calendar_id'],
    fixed: { paused: false },
    help: 'CALENDAR_ID: sync it again from where it was',
  },
  {
    words: ['pause', '--all'],
    op: 'pauseAll',
    fixed: { paused: true },
    help: 'every calendar: stop syncing, keeping their state',
  },
  {
    words: ['resume', '--all'],
    op: 'pauseAll',
    fixed: { paused: false },
    help: 'every calendar: sync again from where each was',
  },
  {
    words: ['calendars', 'preview'],
    op: 'preview',
    positionals: ['calendar_id'],
    help: 'CALENDAR_ID: the next run, nothing applied',
  },
  {
    words: ['calendars', 'review'],
    op: 'review',
    positionals: ['calendar_id', 'decision'],
    help: 'CALENDAR_ID apply|cancel',
  },
  {
    words: ['sync'],
    op: 'syncNow',
    positionals: ['calendar_id?'],
    help: '[CALENDAR_ID]: sync now (all when none given)',
  },
  { words: ['conflicts', 'list'], op: 'conflicts', help: 'conflicts waiting for you' },
  {
    words: ['conflicts', 'resolve'],
    op: 'resolveConflict',
    positionals: ['id', 'resolution'],
    help: 'ID keep-sched|keep-external|import-anyway|skip',
  },
  { words: ['runs', 'list'], op: 'runs', help: 'recent runs' },
  {
    words: ['runs', 'show'],
    op: 'runItems',
    positionals: ['run_id'],
    help: 'RUN_ID: what it wrote to each item',
  },
  { words: ['runs', 'undo'], op: 'undo', positionals: ['run_id'], help: 'RUN_ID' },
  {
    words: ['calendars', 'schedule'],
    op: 'schedule',
    positionals: ['calendar_id', 'from', 'to'],
    help: 'CALENDAR_ID FROM TO: bookings and events of those days (YYYY-MM-DD) and how each stands',
  },
  { words: ['accounts', 'list'], op: 'accounts', help: 'signed-in accounts' },
  {
    words: ['accounts', 'sign-in'],
    op: 'signIn',
    positionals: ['provider'],
    help: 'google|microsoft: prints auth_url to open',
  },
  {
    words: ['accounts', 'remove'],
    op: 'removeAccount',
    positionals: ['account_id'],
    help: 'ACCOUNT_ID: sign out',
  },
  {
    words: ['accounts', 'calendars'],
    op: 'accountCalendars',
    positionals: ['account_id'],
    help: 'ACCOUNT_ID',
  },
  {
    words: ['sched', 'configure'],
    op: 'configureSched',
    help: '--base-url URL --api-key KEY: leave Sandbox mode',
  },
  { words: ['sched', 'resources'], op: 'schedResources', help: "Sched's resources" },
  { words: ['settings'], op: 'getSettings', help: 'the settings (also: settings get)' },
  { words: ['settings', 'get'], op: 'getSettings', help: 'the settings' },
  {
    words: ['settings', 'set'],
    op: 'updateSettings',
    settingsField: 'default_sync_settings',
    help: '[--auto-start true|false] [--notifications true|false] [settings flags: defaults for new connections]',
  },
];

/** The op command the words name, longest match first. */
export function findOpCommand(argv: readonly string[]): OpCommand | undefined {
  return [...opCommands]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((word, i) => argv[i] === word));
}

const scalar = (raw: string): unknown =>
  raw === 'true' ? true : raw === 'false' ? false : /^\d+$/.test(raw) ? Number(raw) : raw;

/** Builds the operation input from what follows the command words. */
export function opInput(
  command: OpCommand,
  args: readonly string[],
): { input: Record<string, unknown>; connection: Record<string, string> } {
  const input: Record<string, unknown> = { ...command.fixed };
  const connection: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`--${rawName} needs a value.`);
    const field = rawName.replaceAll('-', '_');
    if (['data', 'url', 'token'].includes(field)) connection[field] = value;
    else if (field === 'json') Object.assign(input, JSON.parse(value) as Record<string, unknown>);
    else if (command.settingsField && (syncSettingsFields as readonly string[]).includes(field)) {
      const nested = (input[command.settingsField] ??= {}) as Record<string, unknown>;
      nested[field] = scalar(value);
    } else
      input[field] =
        field.endsWith('_token') || field.endsWith('_id') || field === 'api_key' ? value : scalar(value);
  }
  const names = command.positionals ?? [];
  if (positionals.length > names.length)
    throw new Error(`Unexpected argument "${positionals[names.length]}".`);
  names.forEach((name, i) => {
    const optional = name.endsWith('?');
    const field = name.replace(/\?$/, '');
    if (positionals[i] !== undefined) input[field] = positionals[i];
    else if (!optional) throw new Error(`Missing ${field.toUpperCase()}.`);
  });
  return { input, connection };
}

/** Finds the running agent: --url/--token, SCHED_SYNC_URL/SCHED_SYNC_TOKEN, or the data dir's agent.json and token. */
async function locateAgent(connection: Record<string, string>): Promise<{ url: string; token: string }> {
  const dataDir = connection.data ?? defaultAgentDataDir();
  const url =
    connection.url ??
    process.env.SCHED_SYNC_URL ??
    (JSON.parse(await readFile(join(dataDir, 'agent.json'), 'utf8').catch(() => '{}')) as { url?: string })
      .url;
  const token =
    connection.token ??
    process.env.SCHED_SYNC_TOKEN ??
    (await readFile(join(dataDir, 'agent-token'), 'utf8').catch(() => '')).trim();
  if (!url || !token) {
    throw new Error(
      `No running agent found in ${dataDir}. Start one with "sched-sync agent" or pass --url and --token.`,
    );
  }
  return { url, token };
}

/** Sends one operation to the agent; resolves with the HTTP status and the JSON body. */
export async function callAgent(
  agent: { url: string; token: string },
  op: OperationName,
  input: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const { method, path, body } = requestOf(op, input);
  const response = await fetch(`${agent.url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${agent.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : {} };
}

/** Runs an op command; 0 on success, 1 when the agent refused, 2 for a usage mistake. */
export async function runOp(
  argv: readonly string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const command = findOpCommand(argv);
  if (!command) return 2;
  let parsed: ReturnType<typeof opInput>;
  try {
    parsed = opInput(command, argv.slice(command.words.length));
  } catch (error) {
    io.stderr.write(
      `sched-sync ${command.words.join(' ')}: ${(error as Error).message}\n  usage: sched-sync ${command.words.join(' ')} ${command.help}\n`,
    );
    return 2;
  }
  const agent = await locateAgent(parsed.connection);
  const { status, body } = await callAgent(agent, command.op, parsed.input);
  if (status >= 400) {
    const error = (body as { error?: { message?: string } }).error;
    io.stderr.write(
      `sched-sync ${command.words.join(' ')}: ${error?.message ?? `the agent answered ${status}`}\n`,
    );
    return 1;
  }
  io.stdout.write(`${JSON.stringify(plainResult(body), null, 2)}\n`);
  return 0;
}
