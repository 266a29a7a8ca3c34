/**
 * What a person sends when asking for help (`GET /api/diagnostics`): versions, mode, connection states, recent runs
 * and recent log lines, with every secret removed twice over: fields whose names say secret are dropped, and any
 * value the keychain holds (tokens, the Sched key, the Google client secret) is cut out wherever it appears.
 */
import type { Diagnostics } from '../../preload/contract';

/** The last log lines, kept in memory for diagnostics. */
export class LogRing {
  private readonly lines: Record<string, unknown>[] = [];

  constructor(private readonly capacity = 200) {}

  push(line: Record<string, unknown>): void {
    this.lines.push({ time: new Date().toISOString(), ...line });
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  recent(): Record<string, unknown>[] {
    return [...this.lines];
  }
}

const secretName =
  /token|secret|password|passwd|api_?key|authorization|cookie|code_verifier|^code$|assertion/i;
/** Secrets by shape, each with the prefix kept (`$1`) so the line still says what was there. */
const secretInText = [
  /\b((?:Bearer|Basic)\s+)[\w.~+/=-]+/gi,
  /\b((?:refresh_token|access_token|id_token|client_secret|api_key|code|code_verifier)=)[^&\s"]+/gi,
  /()\beyJ[\w-]+\.[\w-]+\.[\w-]+/g,
];
const removed = '[removed]';

/** A copy of `value` with every secret removed: by field name, by known value, and by shape (Bearer …, JWTs). */
export function scrub(value: unknown, known: readonly string[]): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const secret of known) if (secret.length >= 4) text = text.split(secret).join(removed);
    for (const pattern of secretInText) text = text.replace(pattern, `$1${removed}`);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, known));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretName.test(k) ? removed : scrub(v, known)]),
    );
  }
  return value;
}

/** What diagnostics are gathered from. */
export interface DiagnosticsSources {
  versions: Record<string, string>;
  mode(): 'sandbox' | 'live';
  connections(): Promise<unknown[]>;
  runs(): unknown[];
  accounts(): Promise<unknown[]>;
  log: LogRing;
  /** Every secret value the keychain holds for this agent, to be cut out of the text. */
  knownSecrets(): Promise<string[]>;
  now?: () => Date;
}

/** Gathers and scrubs the diagnostics. */
export async function collectDiagnostics(sources: DiagnosticsSources): Promise<Diagnostics> {
  const known = (await sources.knownSecrets()).filter(Boolean).sort((a, b) => b.length - a.length);
  const raw = {
    generated_at: (sources.now?.() ?? new Date()).toISOString(),
    versions: sources.versions,
    mode: sources.mode(),
    connections: await sources.connections(),
    accounts: await sources.accounts(),
    recent_runs: sources.runs().slice(0, 20),
    recent_log: sources.log.recent(),
  };
  return scrub(raw, known) as Diagnostics;
}
