/**
 * How a provider tells a refused sign-in from other failures without importing main/auth (ARCHITECTURE.md layout:
 * main/providers): the composition root injects the account's own reading, and the adapter turns a refused sign-in
 * into the port's `AuthError`.
 */

/** The signed-in account's reading of a failure its client passed on. */
export interface SignInReading {
  /** True when the saved grant is gone (`invalid_grant`, `interaction_required`, …): only a new sign-in helps. */
  isRevoked(error: unknown): boolean;
}

/** A token source the Graph adapter refreshes through; `MicrosoftAccount` (main/auth) is one. */
export interface RefreshingSignIn extends SignInReading {
  /** Forces a new access token after a 401; rejects when the grant is gone. */
  refresh(): Promise<unknown>;
  /**
   * The account's own error for a refresh that failed for a passing reason, when the client kept only that error's
   * name (a `GraphError` whose `code` is it); `undefined` when the name is not one of the account's.
   */
  refreshFailureNamed(name: string): Error | undefined;
}
