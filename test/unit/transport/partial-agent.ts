import { operations, type AgentApi, type OperationName } from '../../../preload/contract';

/** Completes a fake agent: operations a test does not give reject, so a test notices if it reached one. */
export function partialAgent(given: Partial<AgentApi>): AgentApi {
  const names = Object.keys(operations) as OperationName[];
  const filled = Object.fromEntries(
    names.map((op) => [
      op,
      given[op]?.bind(given) ?? (() => Promise.reject(new Error(`${op} not expected here`))),
    ]),
  );
  return filled as unknown as AgentApi;
}
