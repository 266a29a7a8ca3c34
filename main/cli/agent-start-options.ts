/**
 * The headless agent's options that only a starting process reads (issue 11, BENCHMARKS.md "Memory"): the size of
 * V8's young generation, and glibc's number of malloc arenas. Neither can be set once the program runs, and neither
 * may be asked of the person who starts it (`npm run headless`, a service unit, a login item: no NODE_OPTIONS or
 * environment to add). So `sched-sync agent` starts itself again with them, once, before anything else is loaded:
 * `process.execve` puts the same program, with the same arguments and Node options, in place of the running one,
 * under the same process id, so no second process is left for a person or a service manager to see. Where there is
 * no `execve` (Windows, a Node older than 22.15) the agent runs on without them.
 * The environment variables it added are taken out again once the new program runs, so nothing the agent starts
 * (a browser for a sign-in) inherits them; one the person set already is kept as they set it.
 */

/** Node options for the agent: a young generation of two 1 MB halves (V8 lets each grow to 16 MB or more). */
export const agentStartFlags = ['--max-semi-space-size=1'] as const;
/**
 * glibc's malloc: two arenas instead of up to eight a core (each thread's freed memory is otherwise held apart), and
 * memory freed at the top of an arena, or in blocks of 128 KB and more, handed back at once, where glibc would
 * raise both marks as large blocks come and go.
 */
export const agentStartEnv: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};
/** Set across the restart; names the environment variables the agent added (comma-separated). */
export const restartedMarker = 'SCHED_SYNC_AGENT_RESTARTED';

/** What of `process` the restart reads, so that a test can give its own. */
export interface ProcessLike {
  platform: string;
  execPath: string;
  execArgv: string[];
  argv: string[];
  env: Record<string, string | undefined>;
  execve?: (file: string, args: string[], env: Record<string, string | undefined>) => unknown;
}

/** The flag's name, without its value: `--max-semi-space-size`. */
const flagName = (flag: string) => flag.split('=')[0]!;

/**
 * For `sched-sync agent`: replaces this process with itself started with `agentStartFlags` and `agentStartEnv`
 * (does not return when it does). After that restart, or where it cannot be done, returns and the agent starts as
 * it is. Options the person gave Node themselves win over the agent's.
 */
export function restartWithStartOptions(proc: ProcessLike = process as ProcessLike): void {
  const added = proc.env[restartedMarker];
  if (added !== undefined) {
    for (const name of added.split(',').filter(Boolean)) delete proc.env[name];
    delete proc.env[restartedMarker];
    return;
  }
  if (typeof proc.execve !== 'function' || proc.platform === 'win32') return;
  const names = Object.keys(agentStartEnv).filter((name) => proc.env[name] === undefined);
  // Given on Node's command line or in NODE_OPTIONS (which a command-line flag would override): the person's.
  const given = [...proc.execArgv, ...(proc.env.NODE_OPTIONS ?? '').split(/\s+/)].map(flagName);
  const flags = agentStartFlags.filter((flag) => !given.includes(flagName(flag)));
  const env: Record<string, string | undefined> = { ...proc.env, [restartedMarker]: names.join(',') };
  for (const name of names) env[name] = agentStartEnv[name];
  try {
    proc.execve(proc.execPath, [proc.execPath, ...flags, ...proc.execArgv, ...proc.argv.slice(1)], env);
  } catch {
    // The system refused the restart (a missing permission, a sandboxed runtime): the agent runs without them.
  }
}
