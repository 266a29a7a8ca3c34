import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes, matchRoute, type MatchedRoute } from '../../main/transport/http-routes';
import { call, startTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { rawRequest } from '../unit/transport/raw-http';
import { startAgentUnderTest, type AgentUnderTest } from './helpers/agent-under-test';

const alex = 'alex@sandbox.example';
/** Path values that name something real here; a fuzzed value equal to one could rightly succeed. */
const realValues = new Set(['google', 'microsoft', alex, `google:${alex}`]);
let sandbox: TestSandbox;
let agent: AgentUnderTest;

/** What a person could see changed: settings, connected calendars, accounts, runs and conflicts. */
const visibleState = async () => ({
  settings: (await agent.api('GET', '/settings')).body,
  calendars: (await agent.api('GET', '/calendars')).body,
  accounts: (await agent.api('GET', '/accounts')).body,
  runs: (await agent.api('GET', '/runs')).body,
  conflicts: (await agent.api('GET', '/conflicts')).body,
});

const usesBody = (route: MatchedRoute) =>
  JSON.stringify(route.input({}, { fuzz_probe: 1 }) ?? null).includes('fuzz_probe');

/** Bodies no operation accepts: anything but a JSON object, or bytes that are no JSON at all. */
const notAnObject = fc.oneof(
  fc.constant(Buffer.from('null')),
  fc.array(fc.jsonValue(), { maxLength: 4 }).map((value) => Buffer.from(JSON.stringify(value))),
  fc.oneof(fc.integer(), fc.boolean(), fc.string()).map((value) => Buffer.from(JSON.stringify(value))),
  fc.dictionary(fc.string(), fc.jsonValue()).map((value) => Buffer.from(`\uFEFF${JSON.stringify(value)}`)),
  fc
    .string({ minLength: 1 })
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return text.trim() !== '';
      }
    })
    .map((text) => Buffer.from(text)),
  fc.constant(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
);
/** Objects no operation accepts: every input schema is strict, and `fuzz_*` is no field of any. */
const withUnknownField = fc
  .tuple(
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    fc.string({ maxLength: 8 }),
    fc.jsonValue(),
  )
  .map(([rest, name, value]) => Buffer.from(JSON.stringify({ ...rest, [`fuzz_${name}`]: value })));
const pathValue = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((value) => !realValues.has(value.toLowerCase()));

/** A request to a route: its path with fuzzed parameters, and a body it must refuse. */
const routeRequest = fc.constantFrom(...httpRoutes).chain((route) => {
  const names = route.path.split('/').filter((part) => part.startsWith(':'));
  // A route that ignores object bodies and has no parameter to fuzz must be sent a non-object to be refused.
  const body = usesBody(route) || names.length > 0 ? fc.oneof(notAnObject, withUnknownField) : notAnObject;
  return fc.record({
    method: fc.constant(route.method),
    path: fc
      .array(pathValue, { minLength: names.length, maxLength: names.length })
      .map((values) =>
        names.reduce((path, name, i) => path.replace(name, encodeURIComponent(values[i]!)), route.path),
      ),
    body,
  });
});
/** A request to no route at all. */
const strayRequest = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    path: fc.webPath().map((path) => path || '/'),
    body: fc.oneof(notAnObject, withUnknownField),
  })
  .filter(({ method, path }) => {
    try {
      return matchRoute(method, decodeURI(path)).route === null;
    } catch {
      return true;
    }
  });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await startAgentUnderTest(sandbox);
  const { refresh_token } = (
    await call(`${sandbox.url}/sandbox/tokens`, { method: 'POST', body: { provider: 'google', user: alex } })
  ).body as { refresh_token: string };
  await agent.api('POST', '/calendars/connect', {
    resource_id: 'rsc_meeting_room_a',
    calendar_service: 'google',
    calendar_id: alex,
    oauth_token: refresh_token,
    sync_settings: { sync_frequency: 'manual' },
  });
});
afterAll(async () => {
  await agent?.dispose();
  await sandbox?.dispose();
});

describe('the agent API, fuzzed', () => {
  it('answers every malformed request on every route with a 4xx naming the cause, and changes nothing', async () => {
    const before = await visibleState();
    expect(before.calendars.calendars).toHaveLength(1);

    await fc.assert(
      fc.asyncProperty(fc.oneof(routeRequest, strayRequest), async ({ method, path, body }) => {
        const answer = await rawRequest(agent.host.url, {
          method,
          path: `/api${path}`,
          body,
          headers: { authorization: `Bearer ${agent.host.token}`, 'content-type': 'application/json' },
        });

        expect(
          answer.status,
          `${method} ${path} ${body.toString('utf8').slice(0, 80)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(JSON.parse(answer.body).error.message).toMatch(/\S/);
        expect(await visibleState()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
