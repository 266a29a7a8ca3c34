/**
 * `sched-sync --help`: every command and every flag, in aligned columns, so a person can scan the names on the left
 * and read what each does on the right. The flags come from the same tables the parsers use, so none is missed.
 */
import {
  conflictStrategies,
  directions,
  privacyModes,
  syncFrequencies,
  syncSettingsFields,
  inboundModes,
} from '../../preload/contract';
import type { CommandSpec } from './command-line';

/** Lines of two columns, the left padded to the widest entry. */
export function columns(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`.trimEnd());
}

/** What each settings flag takes. */
const settingsFlagValues: Record<(typeof syncSettingsFields)[number], string> = {
  direction: directions.join('|'),
  sync_frequency: syncFrequencies.join('|'),
  conflict_resolution: conflictStrategies.join('|'),
  privacy: privacyModes.join('|'),
  inbound_as: inboundModes.join('|'),
  window_days_past: 'DAYS',
  window_days_future: 'DAYS',
};

/** The settings flags, `--direction two-way|…` first column, what it sets second. */
export function settingsFlagRows(): [string, string][] {
  return syncSettingsFields.map((field) => [
    `--${field.replaceAll('_', '-')} ${settingsFlagValues[field]}`,
    `sync setting ${field}`,
  ]);
}

function flagLeft(name: string, spec: CommandSpec['flags'][string]): string {
  const value =
    spec.type === 'boolean'
      ? ''
      : spec.choices
        ? ` ${spec.choices.join('|')}`
        : ` ${spec.valueName ?? 'VALUE'}`;
  return spec.optionalValue ? `--${name} [${value.trim()}]` : `--${name}${value}`;
}

/** The whole help text. */
export function helpText(
  commands: readonly CommandSpec[],
  ops: readonly { words: string[]; help: string }[],
): string {
  const lines = ['Usage: sched-sync <command> [options]', '', 'Commands:'];
  const names = columns(commands.map((c) => [c.name, c.summary]));
  for (const [index, command] of commands.entries()) {
    lines.push(names[index]!);
    lines.push(
      ...columns(
        Object.entries(command.flags).map(([name, spec]) => [flagLeft(name, spec), spec.description ?? '']),
        '      ',
      ),
    );
  }
  lines.push('', 'Agent operations (against a running agent):');
  lines.push(...columns(ops.map((op) => [op.words.join(' '), op.help])));
  lines.push('', 'Options of every agent operation:');
  lines.push(
    ...columns([
      ['--data DIR', "the agent's data folder (default ~/.sched-sync/agent): its address and token"],
      ['--url URL', "the agent's address (or SCHED_SYNC_URL)"],
      ['--token TOKEN', "the agent's API token (or SCHED_SYNC_TOKEN)"],
      ['--json JSON', 'more input fields as a JSON object'],
    ]),
  );
  lines.push('', 'Settings flags (calendars connect, calendars update, settings set):');
  lines.push(...columns(settingsFlagRows()));
  return `${lines.join('\n')}\n`;
}
