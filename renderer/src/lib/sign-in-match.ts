import type { AccountView, CalendarService } from '../../../preload/contract';

/** The account a sign-in just finished for: a new one, or one that needed a sign-in and is fine again. */
export function findSignedIn(
  provider: CalendarService,
  before: AccountView[],
  after: AccountView[],
): AccountView | undefined {
  const known = new Map(before.map((a) => [a.account_id, a]));
  return after.find((a) => {
    if (a.provider !== provider) return false;
    const earlier = known.get(a.account_id);
    return !earlier || (earlier.status === 'reauth_required' && a.status === 'ok');
  });
}
