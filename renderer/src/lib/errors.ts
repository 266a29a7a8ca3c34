/** Turns anything thrown by an API call into the sentence a person reads (the agent's own message when there is one). */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong, and the agent did not say what.';
}
