import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKeys } from '../../main/secrets/secret-store';
import { startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';
import {
  certificateFrom,
  closedPort,
  startHttps,
  untrustedCertificate,
  type LocalServer,
} from './helpers/local-https';

let sandbox: TestSandbox;
let agent: AgentUnderTest;
const servers: LocalServer[] = [];
const key = 'sk_secret_key_that_must_not_leak';

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'empty' });
  agent = await startAgentUnderTest(sandbox);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await agent?.dispose();
  await sandbox?.dispose();
});

async function serve(...args: Parameters<typeof startHttps>): Promise<string> {
  const server = await startHttps(...args);
  servers.push(server);
  return server.url;
}

/** `PUT /api/sched` with `base_url`, and what the person and the log see; the agent must stay as it was. */
async function configure(baseUrl: string) {
  const state = async () => ({
    status: (await agent.api('GET', '/status')).body,
    settings: (await agent.api('GET', '/settings')).body,
    key: await agent.secrets.get(secretKeys.schedApiKey),
  });
  const before = await state();
  const logged = agent.logs.length;
  const answer = await agent.api('PUT', '/sched', { base_url: baseUrl, api_key: key });
  const lines = agent.logs.slice(logged);
  const after = await state();
  expect(after).toEqual(before);
  expect(after.status).toMatchObject({ mode: 'sandbox', sched: { base_url: sandbox.info.sched.base_url } });
  expect(after.key).toBeNull();
  expect(lines.filter((l) => l.op === 'configureSched')).toEqual([
    expect.objectContaining({ code: answer.body.error.code, message: answer.body.error.message }),
  ]);
  expect(JSON.stringify(lines)).not.toContain(key);
  expect(answer.body.error.message).not.toContain(key);
  return {
    status: answer.status,
    code: answer.body.error.code,
    message: answer.body.error.message as string,
  };
}

describe('PUT /api/sched says what went wrong with the URL, and changes nothing', () => {
  it('a closed port: 502, Sched could not be reached, connection refused', async () => {
    const port = await closedPort();

    const answer = await configure(`https://127.0.0.1:${port}/v1`);

    expect(answer).toEqual({
      status: 502,
      code: 'upstream',
      message: `Sched at https://127.0.0.1:${port} could not be reached (connection refused, ECONNREFUSED). Check the URL and your network.`,
    });
  });

  it('a host name that does not resolve: 502 naming the DNS failure', async () => {
    const answer = await configure('https://sched.invalid/v1');

    expect(answer.status).toBe(502);
    expect(answer.message).toMatch(
      /^Sched at https:\/\/sched\.invalid could not be reached \(host name (not found|lookup failed), (ENOTFOUND|EAI_AGAIN)\)\./,
    );
  });

  it('a certificate from an authority the agent does not trust: 502 naming the certificate problem', async () => {
    const url = await serve(await untrustedCertificate(sandbox.dataDir), (_req, res) => res.end('{}'));

    const answer = await configure(`${url}/v1`);

    expect(answer.status).toBe(502);
    expect(answer.message).toMatch(
      new RegExp(
        `^Sched at ${url.replace(/\./g, '\\.')} could not be reached securely: its certificate is self-signed or issued by an authority this computer does not trust \\([A-Z_]+\\)`,
      ),
    );
  });

  it('an expired certificate: 502 saying it has expired', async () => {
    const twoYearsAgo = new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000);
    const url = await serve(await certificateFrom(sandbox.dataDir, twoYearsAgo), (_req, res) =>
      res.end('{}'),
    );

    const answer = await configure(`${url}/v1`);

    expect(answer.status).toBe(502);
    expect(answer.message).toContain('its certificate has expired');
    expect(answer.message).toContain('CERT_HAS_EXPIRED');
  });

  it('a web server answering an HTML 404: 400 naming base_url, what it got and what a Sched URL looks like', async () => {
    const url = await serve(await certificateFrom(sandbox.dataDir), (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not here</body></html>');
    });

    const answer = await configure(`${url}/v1`);

    expect(answer).toEqual({
      status: 400,
      code: 'validation',
      message: `base_url: ${url}/v1 is not Sched's API: GET /resources there answered HTTP 404. A Sched API URL looks like https://sched.example.com/v1 (it ends in /v1); nothing was changed.`,
    });
  });

  it('a web page answering 200: 400 naming base_url', async () => {
    const url = await serve(await certificateFrom(sandbox.dataDir), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome</body></html>');
    });

    const answer = await configure(`${url}/v1`);

    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^base_url: .* answered an answer that is not JSON/);
  });

  it('the sandbox’s address without /v1: 400 saying the path has no /v1', async () => {
    const answer = await configure(sandbox.url);

    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^base_url: .*The path has no \/v1\. A Sched API URL looks like/);
  });

  it('Sched failing with a 5xx: 502 with what Sched said', async () => {
    const url = await serve(await certificateFrom(sandbox.dataDir), (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'maintenance', message: 'Back at 22:00 UTC.' } }));
    });

    const answer = await configure(`${url}/v1`);

    expect(answer).toEqual({
      status: 502,
      code: 'upstream',
      message: `Sched at ${url} failed (HTTP 503 maintenance: Back at 22:00 UTC.). Try again later; nothing was changed.`,
    });
  });

  it('a wrong key: 400 naming api_key with Sched’s 401', async () => {
    const answer = await configure(sandbox.info.sched.base_url);

    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/^api_key: Sched refused this API key \(HTTP 401\)/);
  });
});
