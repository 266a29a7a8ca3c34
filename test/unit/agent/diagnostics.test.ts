import { describe, expect, it } from 'vitest';
import { collectDiagnostics, LogRing, scrub } from '../../../main/agent/diagnostics';

describe('scrub', () => {
  it('removes fields named like secrets, known secret values anywhere, and bearer tokens and JWTs by shape', () => {
    const out = JSON.stringify(
      scrub(
        {
          refresh_token: 'rt-1',
          nested: [{ api_key: 'k', note: 'the key is sk_live_12345 here' }],
          msg: 'GET /x Authorization: Bearer abc.def-ghi failed; url ?code=4/0AbC&state=s',
          jwt: 'eyJhbGciOi.eyJzdWIiOi.sig-nature',
        },
        ['sk_live_12345'],
      ),
    );

    expect(out).not.toMatch(/rt-1|sk_live_12345|abc\.def-ghi|4\/0AbC|eyJ/);
    expect(out).toContain('Bearer [removed]');
    expect(out).toContain('state=s');
  });
});

describe('collectDiagnostics', () => {
  it('gathers versions, mode, connections, runs and recent log lines without the secrets', async () => {
    const log = new LogRing(2);
    log.push({ msg: 'old' });
    log.push({ msg: 'engine', detail: 'token secret-refresh-token-value refused' });
    log.push({ msg: 'latest', headers: { authorization: 'Bearer zzz' } });

    const diagnostics = await collectDiagnostics({
      versions: { app: '0.1.0' },
      mode: () => 'live',
      connections: async () => [{ calendar_id: 'a@x', sync_status: 'error', status_message: 'failed' }],
      accounts: async () => [],
      runs: () => [{ run_id: 'r1' }],
      log,
      knownSecrets: async () => ['secret-refresh-token-value'],
      now: () => new Date('2026-12-01T00:00:00Z'),
    });

    expect(diagnostics).toMatchObject({
      generated_at: '2026-12-01T00:00:00.000Z',
      versions: { app: '0.1.0' },
      mode: 'live',
      recent_runs: [{ run_id: 'r1' }],
    });
    expect(diagnostics.recent_log.map((l) => l.msg)).toEqual(['engine', 'latest']);
    expect(JSON.stringify(diagnostics)).not.toMatch(/secret-refresh-token-value|zzz/);
  });
});
