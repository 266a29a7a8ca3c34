// `npm start`: opens the desktop app with Electron (which downloads its binary on first use), or says why it cannot.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = null;
try {
  binary = require('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  process.stderr.write(
    'sched-sync: Electron is not installed here (its download failed or was skipped), so the desktop app cannot open.\n' +
      'Run `node node_modules/electron/install.js` where the download is allowed, or use `npm run headless` for the same agent with a web UI.\n',
  );
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
