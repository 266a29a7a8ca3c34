/** Serves the built web UI (dist/renderer) for the headless agent, with the same CSP as the desktop window. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { securityHeaders } from './security-headers';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Sends the file under `root` for a URL path; unknown paths get index.html (the app routes itself). */
export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const base = normalize(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  let file = normalize(join(base, decoded));
  if (!file.startsWith(base + sep) && file !== base) file = join(base, 'index.html');
  const found = await stat(file).catch(() => null);
  if (!found || found.isDirectory()) file = join(base, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res.writeHead(404, { ...securityHeaders('ui'), 'content-type': 'text/plain; charset=utf-8' });
    res.end('The web UI is not built. Run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders('ui'),
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  res.end(body);
}
