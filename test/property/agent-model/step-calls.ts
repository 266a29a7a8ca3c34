/** How the agent model's steps call the agent and read its answers. */
import type { Connection, RunSummary } from '../../../preload/contract';
import { toApiError } from '../../../main/transport/api-error';
import { accountIdOf } from './fake-services';
import type { Model } from './model';
import { calendars, type AgentWorld } from './world';

/** Calls the agent; an error it answers is fine unless it is a 500 (an error nobody wrote for a person). */
export async function attempt<T>(
  model: Model,
  what: string,
  call: () => Promise<T>,
): Promise<T | { error: string }> {
  try {
    return await call();
  } catch (error) {
    const body = toApiError(error, null, () => {});
    if (body.code === 'internal') model.fail('api-500', `${what} answered 500: ${String(error)}`);
    return { error: `${body.code}: ${body.message}` };
  }
}

/** Whether `attempt` answered an error. */
export const failed = (r: unknown): r is { error: string } =>
  typeof r === 'object' && r !== null && 'error' in r;
export const pickOf = <T>(list: T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;
const serviceOf = (calendarId: string) => calendars.find((c) => c.id === calendarId)!.service;
export const revoked = (world: AgentWorld, calendarId: string) =>
  world.revoked.has(accountIdOf(serviceOf(calendarId)));

export async function connections(world: AgentWorld): Promise<Connection[]> {
  return (await world.agent.list()).calendars;
}

/** One run in a few words, for the story's log. */
export function describeRun(run: RunSummary): string {
  const n = (p: { sched: number; external: number }) => `${p.sched}/${p.external}`;
  const counts = `+${n(run.created)} ~${n(run.updated)} -${n(run.deleted)} conflicts ${run.conflicts}`;
  return `${run.calendar_id} ${run.status} ${counts}${run.message ? ` (${run.message})` : ''}`;
}
