import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  conflictChoices,
  conflictChoicesByKind,
  conflictKinds,
  type ConflictStrategy as ContractStrategy,
  type Direction as ContractDirection,
  type ApiErrorCode,
  type privacyModes,
  type SyncSettings,
  type RunStatus,
  type SyncStatus,
} from '../../../preload/contract';
import type { ConflictStrategy, Direction, PlanSettings, PrivacyMode } from '../../../main/sync';
import type { Outcome } from '../../../main/engine/stop-reason';
import type { AppErrorCode } from '../../../main/errors/app-error';

// main/sync may not import the contract, so it restates a few words; these checks fail `tsc` if the two drift.
describe('the words the pure core restates', () => {
  it('are the contract’s words', () => {
    expectTypeOf<Direction>().toEqualTypeOf<ContractDirection>();
    expectTypeOf<ConflictStrategy>().toEqualTypeOf<ContractStrategy>();
    expectTypeOf<PrivacyMode>().toEqualTypeOf<(typeof privacyModes)[number]>();
    expectTypeOf<SyncSettings>().toExtend<PlanSettings>();
    expectTypeOf<Outcome['connectionStatus']>().toExtend<SyncStatus>();
    expectTypeOf<Outcome['runStatus']>().toExtend<RunStatus>();
    expectTypeOf<AppErrorCode>().toEqualTypeOf<ApiErrorCode>();
  });
});

describe('conflict choices', () => {
  it('answer each kind of conflict, every choice exactly one kind, skip only a double booking', () => {
    const answered = conflictKinds.flatMap((kind) => conflictChoicesByKind[kind]);

    expect([...answered].sort()).toEqual([...conflictChoices].sort());
    expect(conflictChoicesByKind.overlap).toContain('skip');
    expect(conflictChoicesByKind.edit).not.toContain('skip');
  });
});
