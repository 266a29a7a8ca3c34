import { describe, expect, it } from 'vitest';
import { probeRefusal } from '../../../main/agent/sched-probe-refusal';
import { SchedApiKeyError, SchedRequestError } from '../../../main/providers/sched';
import { openLabel, schedRefusalHeadline, viewOfHash } from '../../../renderer/src/lib/notice-links';

describe('viewOfHash', () => {
  it('reads the view a clicked notification opens', () => {
    expect(viewOfHash('#open=conflicts')).toBe('conflicts');
    expect(viewOfHash('#open=accounts')).toBe('accounts');
  });

  it('ignores any other hash, such as the headless token or an unknown view', () => {
    expect(viewOfHash('#token=abc')).toBeNull();
    expect(viewOfHash('#open=settings')).toBeNull();
    expect(viewOfHash('')).toBeNull();
  });
});

describe('openLabel', () => {
  it('names where each notification leads', () => {
    expect(openLabel('connections')).toBe('Review in Connections');
    expect(openLabel('activity')).toBe('Open Activity');
  });
});

describe('schedRefusalHeadline', () => {
  const url = 'https://sched.example.com/v1';
  const headlineOf = (error: unknown) => schedRefusalHeadline((probeRefusal(error, url) as Error).message);

  it('gives each refusal of "Connect your Sched" its plain headline', () => {
    expect(headlineOf(new SchedApiKeyError())).toBe('Sched did not accept this API key');
    expect(headlineOf(new SchedRequestError('list resources', undefined, undefined, 'ECONNREFUSED'))).toBe(
      'Sched could not be reached',
    );
    expect(
      headlineOf(new SchedRequestError('list resources', undefined, undefined, 'SELF_SIGNED_CERT_IN_CHAIN')),
    ).toBe("Sched's certificate is not trusted");
    expect(headlineOf(new SchedRequestError('list resources', 404, 'not_found', 'No route'))).toBe(
      "This address is not Sched's API",
    );
  });

  it('gives none for other failures', () => {
    expect(schedRefusalHeadline('Sched at https://x failed (HTTP 500). Try again later')).toBeNull();
  });
});
