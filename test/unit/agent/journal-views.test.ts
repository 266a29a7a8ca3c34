import { describe, expect, it } from 'vitest';
import { runDetails, runsOf } from '../../../main/agent/journal-views';
import { openStateDb } from '../../../main/store';

describe('journal views', () => {
  it('answers not_found, naming the run id, for a run the state DB does not know', () => {
    const db = openStateDb(':memory:');

    expect(() => runDetails(db, 'run-nobody-made')).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'No run has the id "run-nobody-made".' }),
    );
    expect(runsOf(db)).toEqual([]);
  });
});
