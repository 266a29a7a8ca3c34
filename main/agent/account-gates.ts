/**
 * One request gate per account, shared by every connection (calendar) of that account and kept across a new
 * sign-in: the quota is the service's count of the account's requests, whatever token they carried.
 */
import type { RequestGate } from '../providers/gate';

/** Gates by account id, made on first use. */
export class AccountGates {
  private readonly gates = new Map<string, RequestGate>();

  constructor(private readonly make: () => RequestGate) {}

  /** The account's gate; the same object for every connection of the account. */
  for(accountId: string): RequestGate {
    let gate = this.gates.get(accountId);
    if (!gate) {
      gate = this.make();
      this.gates.set(accountId, gate);
    }
    return gate;
  }
}
