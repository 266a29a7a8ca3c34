import { describe, expect, it } from 'vitest';
import { guardApp, guardContents, guardSession, isAppUrl } from '../../../main/shell/web-guards';
import { uiContentSecurityPolicy } from '../../../main/transport/security-headers';
import { FakeApp, FakeSession, FakeWebContents, fakeEvent } from './fake-electron';

const rendererUrl = 'file:///opt/sched-sync/resources/app.asar/dist/renderer/index.html';
const setup = () => {
  const opened: string[] = [];
  const contents = new FakeWebContents();
  guardContents(contents.asElectron(), {
    rendererUrl,
    externalPolicy: () => ({ schedBaseUrl: 'https://acme.sched.example', sandboxUrl: null }),
    openExternal: (url) => opened.push(url),
  });
  return { contents, opened };
};

describe('web guards', () => {
  it('stops navigation and redirects away from the app, and lets the app reload itself', () => {
    const { contents } = setup();

    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', `${rendererUrl}#/settings`)).toBe(false);
  });

  it('opens no window, handing only allowed links to the browser', () => {
    const { contents, opened } = setup();

    const signIn = contents.openHandler!({ url: 'https://accounts.google.com/o/oauth2/v2/auth?x=1' });
    const hostile = contents.openHandler!({ url: 'https://evil.example/phish' });

    expect(signIn).toEqual({ action: 'deny' });
    expect(hostile).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://accounts.google.com/o/oauth2/v2/auth?x=1']);
  });

  it('refuses webviews', () => {
    const { contents } = setup();
    const event = fakeEvent();

    contents.emit('will-attach-webview', event);

    expect(event.prevented).toBe(true);
  });

  it('guards every web contents the app creates later', () => {
    const app = new FakeApp();
    guardApp(app.asElectron(), {
      rendererUrl,
      externalPolicy: () => ({ schedBaseUrl: null, sandboxUrl: null }),
      openExternal: () => undefined,
    });
    const later = new FakeWebContents();

    app.emit('web-contents-created', fakeEvent(), later);

    expect(later.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(later.openHandler).not.toBeNull();
  });

  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    guardSession(session.asElectron(), uiContentSecurityPolicy);
    const answers: boolean[] = [];

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      session.requestHandler!(null, permission, (ok) => answers.push(ok));
      answers.push(session.checkHandler!(null, permission));
    }

    expect(answers).toEqual(Array(8).fill(false));
  });

  it('sets the app CSP as a response header, replacing any the response had', () => {
    const session = new FakeSession();
    guardSession(session.asElectron(), uiContentSecurityPolicy);
    let headers: Record<string, string[]> | undefined;

    session.headersListener!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'content-type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );

    expect(Object.keys(headers!).sort()).toEqual(['Content-Security-Policy', 'content-type']);
    expect(headers!['Content-Security-Policy']![0]).toContain("frame-ancestors 'none'");
    expect(headers!['Content-Security-Policy']![0]).toContain("script-src 'self'");
  });

  it('knows the app by file path (packaged) or by origin (dev server)', () => {
    expect(isAppUrl(`${rendererUrl}?x=1`, rendererUrl)).toBe(true);
    expect(isAppUrl('file:///opt/other/index.html', rendererUrl)).toBe(false);
    expect(isAppUrl('http://localhost:5173/settings', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
