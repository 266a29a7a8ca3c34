/** Where the state DB reads the time, so tests can pass a fixed clock. */
export type Clock = () => Date;

/** RFC 3339 in UTC, the one timestamp format the state DB stores. */
export const isoNow = (clock: Clock): string => clock().toISOString();

/** Parses a JSON column; a NULL column stays null. */
export function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** Serialises a JSON column; undefined and null become NULL. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
