/**
 * The desktop app's web guards (Electron security checklist, https://www.electronjs.org/docs/latest/tutorial/security):
 * every web contents stays on the app (navigation and redirects elsewhere are stopped, no webviews, no new
 * windows; allowed links go to the system browser), the session refuses every permission, and every response
 * carries the app's CSP as a header. Applied through `web-contents-created`, so contents created later (devtools,
 * a frame) get them too.
 */
import type { App, Session, WebContents } from 'electron';
import { isAllowedExternalUrl, type ExternalLinkPolicy } from './external-links';

export interface WebGuardOptions {
  /** Where the app's pages come from: the packaged index.html (file://) or the Vite dev server. */
  rendererUrl: string;
  /** What besides the sign-in hosts may open in the browser, read at click time. */
  externalPolicy(): ExternalLinkPolicy;
  /** Opens a URL in the system browser (`shell.openExternal`). */
  openExternal(url: string): void;
}

/** Whether `url` is a page of the app itself: the same file (file://) or the same origin (dev server). */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
  return target.origin === app.origin;
}

/** Locks down one web contents. */
export function guardContents(contents: WebContents, options: WebGuardOptions): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, options.rendererUrl)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayOnApp(event, url));
  contents.on('will-redirect', (event, url) => stayOnApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, options.externalPolicy())) options.openExternal(url);
    return { action: 'deny' };
  });
}

/** Applies `guardContents` to every web contents the app creates from now on. */
export function guardApp(app: App, options: WebGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, options));
}

/**
 * Refuses every permission and sets `contentSecurityPolicy` as the CSP header of every response of `session`. The
 * composition root passes the web UI's policy (main/transport/security-headers.ts), so both UIs share one policy.
 */
export function guardSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}
