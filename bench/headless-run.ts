/**
 * The headless-agent figures alone (`npx tsx bench/headless-run.ts`, after `npm run build`, inside a keychain
 * session): the same as `npm run bench`'s headless part, BENCH_HEADLESS connections x items (default 50x200).
 */
import { benchHeadless } from './headless-bench';

const [connections, items] = (process.env.BENCH_HEADLESS ?? '50x200').split('x').map(Number);
process.stdout.write(`${JSON.stringify(await benchHeadless(connections, items))}\n`);
process.exit(0);
