/** The sync engine's public API: `Engine` and the shapes it takes and returns. */
export { Engine, NothingToReviewError } from './engine';
export { ConflictNotFoundError, ResolutionNotAllowedError } from './resolve-conflict';
export { followsItsEvent, RunNotUndoableError } from './undo';
export { CountingProvider } from './counting-provider';
export type {
  EngineConnection,
  EngineEvent,
  EngineOptions,
  EnginePreview,
  PerSide,
  PerSideFlag,
  PlannedChange,
  RunSummary,
} from './types';
