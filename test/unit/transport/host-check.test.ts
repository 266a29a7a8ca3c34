import { describe, expect, it } from 'vitest';
import { refuseHost } from '../../../main/transport/host-check';

describe('refuseHost', () => {
  it('lets our own loopback names through', () => {
    expect(refuseHost('127.0.0.1:4321', 4321)).toBeNull();
    expect(refuseHost('localhost:4321', 4321)).toBeNull();
    expect(refuseHost('LOCALHOST:4321', 4321)).toBeNull();
  });

  it('refuses another name with 421, naming the ones it answers to', () => {
    expect(refuseHost('evil.example:4321', 4321)).toEqual({
      status: 421,
      error: {
        code: 'validation',
        message: 'Host: this agent answers only to 127.0.0.1:4321 or localhost:4321.',
      },
    });
  });

  it('refuses another port, a name without a port and a missing header', () => {
    expect(refuseHost('127.0.0.1:80', 4321)?.status).toBe(421);
    expect(refuseHost('localhost', 4321)?.status).toBe(421);
    expect(refuseHost('[::1]:4321', 4321)?.status).toBe(421);
    expect(refuseHost(undefined, 4321)).toEqual({
      status: 400,
      error: { code: 'validation', message: 'Host: the header is missing.' },
    });
  });
});
