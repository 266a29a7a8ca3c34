/**
 * What the shell prints for a result: the operation's JSON, with times the agent writes for people made plain. A
 * conflict describes a time as "2025-03-04T09:00:00.000Z (Europe/Berlin)", which reads as neither; the command
 * prints "2025-03-04 10:00 Europe/Berlin", the wall time in the zone it was written in.
 */
import { utcToWallTime } from '../sync/time';

const zonedInstant =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z) \(([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)\)$/;

/** One string made plain, or itself. */
export function plainTime(value: string): string {
  const match = zonedInstant.exec(value);
  if (!match) return value;
  try {
    const wall = utcToWallTime(match[1]!, match[2]!);
    return `${wall.slice(0, 10)} ${wall.slice(11, 16)} ${match[2]}`;
  } catch {
    return value;
  }
}

/** The result with every zoned time made plain, for printing. */
export function plainResult(value: unknown): unknown {
  if (typeof value === 'string') return plainTime(value);
  if (Array.isArray(value)) return value.map(plainResult);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainResult(v)]));
  }
  return value;
}
