/**
 * Property tests explore new random stories on every local run; in CI they replay one fixed seed, so a pass or a
 * failure there is reproducible (`FC_SEED` overrides it, e.g. to replay a seed a local run reported).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261124' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
