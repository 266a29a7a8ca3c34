import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, signInHosts } from '../../../main/shell/external-links';

const live = { schedBaseUrl: 'https://acme.sched.example/api/v1', sandboxUrl: null };
const sandbox = { schedBaseUrl: null, sandboxUrl: 'https://127.0.0.1:8443' };

describe('isAllowedExternalUrl', () => {
  it('opens the live sign-in pages', () => {
    expect(signInHosts).toEqual(['accounts.google.com', 'login.microsoftonline.com']);
    expect(isAllowedExternalUrl('https://accounts.google.com/o/oauth2/v2/auth?client_id=x', live)).toBe(true);
    expect(
      isAllowedExternalUrl('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1', live),
    ).toBe(true);
  });

  it('opens the configured Sched, and the sandbox only in Sandbox mode', () => {
    expect(isAllowedExternalUrl('https://acme.sched.example/bookings/42', live)).toBe(true);
    expect(isAllowedExternalUrl('https://127.0.0.1:8443/oauth/authorize?x=1', sandbox)).toBe(true);
    expect(isAllowedExternalUrl('https://127.0.0.1:8443/oauth/authorize?x=1', live)).toBe(false);
  });

  it('refuses any other site, look-alike hosts and other schemes', () => {
    for (const url of [
      'https://evil.example/',
      'https://accounts.google.com.evil.example/',
      'https://evil.example/?https://accounts.google.com/',
      'http://accounts.google.com/o/oauth2/v2/auth',
      'https://accounts.google.com:8443/',
      'https://accounts.google.com@evil.example/',
      'https://user:pass@accounts.google.com/',
      'https://acme.sched.example:444/',
      'http://acme.sched.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://evil.example/share',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url, live), url).toBe(false);
    }
  });

  it('opens nothing but the sign-in pages when neither Sched nor the sandbox is known', () => {
    const none = { schedBaseUrl: null, sandboxUrl: null };

    expect(isAllowedExternalUrl('https://acme.sched.example/', none)).toBe(false);
    expect(isAllowedExternalUrl('https://accounts.google.com/', none)).toBe(true);
  });
});
