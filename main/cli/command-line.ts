/**
 * A small parser for `sched-sync <command> [--flag value]…`. Commands declare their flags, so adding the agent
 * subcommands later is one more entry in the table, and every mistake comes back as a sentence for stderr.
 */

/** How one flag reads its value. */
export interface FlagSpec {
  type: 'string' | 'integer' | 'boolean';
  /** Allowed values of a string flag. */
  choices?: readonly string[];
  /** A string flag whose value may be left out (`--sandbox` or `--sandbox URL`); it then reads as `true`. */
  optionalValue?: boolean;
  /** What the flag does, for the help. */
  description?: string;
  /** The placeholder of its value in the help (`N`, `DIR`); `VALUE` unless given. */
  valueName?: string;
}

/** One command and its flags. */
export interface CommandSpec {
  name: string;
  summary: string;
  flags: Record<string, FlagSpec>;
}

/** Flag values by name: strings, integers, or `true` for booleans and bare optional-value flags. */
export type FlagValues = Record<string, string | number | boolean>;

/** The outcome of parsing. */
export type ParsedCommandLine =
  | { kind: 'command'; command: string; flags: FlagValues; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

function readValue(name: string, spec: FlagSpec, raw: string): string | number | { error: string } {
  if (spec.type === 'integer') {
    const value = Number(raw);
    return Number.isInteger(value) && /^-?\d+$/.test(raw)
      ? value
      : { error: `--${name} takes a whole number, not "${raw}".` };
  }
  if (spec.choices && !spec.choices.includes(raw)) {
    return { error: `--${name} must be one of ${spec.choices.join(', ')}, not "${raw}".` };
  }
  return raw;
}

/** Parses `argv` (without the node and script paths) against the known commands. */
export function parseCommandLine(
  argv: readonly string[],
  commands: readonly CommandSpec[],
): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'help' };
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return { kind: 'error', message: `Unknown command "${name}".` };
  const flags: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [flagName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = command.flags[flagName];
    if (!spec) return { kind: 'error', message: `Unknown option --${flagName} for "${command.name}".` };
    if (spec.type === 'boolean') {
      if (inlineValue !== undefined) return { kind: 'error', message: `--${flagName} takes no value.` };
      flags[flagName] = true;
      continue;
    }
    let raw = inlineValue;
    if (raw === undefined) {
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        raw = next;
        i++;
      } else if (spec.optionalValue) {
        flags[flagName] = true;
        continue;
      } else {
        return { kind: 'error', message: `--${flagName} needs a value.` };
      }
    }
    const value = readValue(flagName, spec, raw);
    if (typeof value === 'object') return { kind: 'error', message: value.error };
    flags[flagName] = value;
  }
  return { kind: 'command', command: command.name, flags, positionals };
}

/** The short usage printed after a mistake: the commands, and where the whole help is. */
export function usage(commands: readonly CommandSpec[]): string {
  const names = commands.map((c) => c.name).join(', ');
  return `Usage: sched-sync <command> [options]  (commands: ${names}, or an agent operation)\nRun "sched-sync --help" for every command and flag.\n`;
}
