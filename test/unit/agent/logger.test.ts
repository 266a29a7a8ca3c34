import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/agent/logger';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
};

describe('createLogger', () => {
  it('redacts tokens, keys and authorization headers wherever they appear', () => {
    const { lines, stream } = capture();
    const logger = createLogger(stream);

    logger.info({
      msg: 'request',
      refresh_token: 'rt-secret-1',
      nested: { access_token: 'at-secret-2', deeper: { api_key: 'key-secret-3' } },
      headers: { authorization: 'Bearer hdr-secret-4' },
      oauth_token: 'oauth-secret-5',
      calendar_id: 'room-a@example.com',
    });

    const text = lines.join('');
    for (const secret of ['rt-secret-1', 'at-secret-2', 'key-secret-3', 'hdr-secret-4', 'oauth-secret-5']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('room-a@example.com');
    expect(text).toContain('[redacted]');
  });
});
