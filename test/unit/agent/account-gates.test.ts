import { describe, expect, it } from 'vitest';
import { AccountGates } from '../../../main/agent/account-gates';
import { createGoogleGate } from '../../../main/providers/google';

describe('AccountGates', () => {
  it("gives every connection of an account the same gate, so the account's quota is counted once", async () => {
    let made = 0;
    const gates = new AccountGates(() => {
      made += 1;
      return createGoogleGate({ now: () => 0, sleep: async () => {} });
    });

    const first = gates.for('acc_1');
    await first.run(async () => 'ok');
    await gates.for('acc_1').run(async () => 'ok');

    expect(gates.for('acc_1')).toBe(first);
    expect(first.requests).toBe(2);
    expect(gates.for('acc_2')).not.toBe(first);
    expect(made).toBe(2);
  });
});
