import { describe, expect, it } from 'vitest';
import { useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { graphProviderFor } from '../contract/microsoft-sandbox';
import { windowAt } from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'demo' });

describe('Graph provider: the demo mailbox’s invitations, busy or free (SYNC.md, "Availability")', () => {
  it('reads declined and cancelled invitations as free, tentative and out-of-office ones as busy', async () => {
    const provider = await graphProviderFor(sandbox());

    const full = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    const seen = (title: string) => {
      const item = full.items.find((candidate) => candidate.title === title);
      return item && [item.availability, item.status];
    };

    expect(seen('Vendor pitch')).toEqual(['free', 'confirmed']);
    expect(seen('Canceled: Budget review')).toEqual(['free', 'cancelled']);
    expect(seen('Partner roadmap')).toEqual(['busy', 'confirmed']);
    expect(seen('Dentist')).toEqual(['busy', 'confirmed']);
    expect(seen('Company offsite')).toEqual(['free', 'confirmed']);
    expect(seen('Working from the Lisbon office')).toEqual(['free', 'confirmed']);
  });
});
