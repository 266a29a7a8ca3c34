/** The in-memory `CalendarProvider` and its fault script, for engine, property and contract tests. */
export { MemoryProvider } from './memory-provider';
export type { MemoryProviderOptions, PersonEdit } from './memory-provider';
export { FaultPlan } from './fault-plan';
export type { ProviderOperation } from './fault-plan';
