// postinstall: fetches Electron's binary with Electron's own installer. Where that is impossible (no internet, a
// blocked download) the install still succeeds: `npm run headless` needs no Electron; `npm start` says what is missing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const note = (text) => process.stderr.write(`sched-sync: ${text}\n`);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  note(
    'ELECTRON_SKIP_BINARY_DOWNLOAD is set: the Electron binary was not fetched (npm run headless works without it).',
  );
  process.exit(0);
}
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 600_000,
});
if (result.status !== 0) {
  note(
    'the Electron binary could not be downloaded, so `npm start` cannot open the desktop app on this machine.',
  );
  note(
    '`npm run headless` runs the same agent with its web UI instead. Run `node node_modules/electron/install.js` to try again.',
  );
}
process.exit(0);
