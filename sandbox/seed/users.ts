/** The accounts every sandbox seed has (API.md §1: two users per provider). */
export const SEEDED_USERS = {
  google: ['alex@sandbox.example', 'sam@sandbox.example'],
  microsoft: ['jordan@sandbox.example', 'riley@sandbox.example'],
} as const satisfies { google: readonly string[]; microsoft: readonly string[] };

/** Which seed a sandbox starts from. */
export type SeedKind = 'empty' | 'demo';
