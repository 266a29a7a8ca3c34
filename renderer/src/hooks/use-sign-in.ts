import { useEffect, useRef, useState } from 'react';
import type { AccountView, AgentApi, CalendarService } from '../../../preload/contract';
import { messageOf } from '../lib/errors';
import { findSignedIn } from '../lib/sign-in-match';

/** A sign-in in progress: the page the person finishes it on. */
export interface PendingSignIn {
  provider: CalendarService;
  auth_url: string;
}

const pollEveryMs = 1500;
const giveUpAfterMs = 5 * 60_000;

/**
 * Interactive sign-in: asks the agent for the provider's sign-in page, opens it (a new tab in a browser; the desktop
 * app hands https links to the system browser), then polls the accounts until the new one shows up.
 */
export function useSignIn(api: AgentApi, onSignedIn: (account: AccountView) => void) {
  const [pending, setPending] = useState<PendingSignIn | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const before = useRef<AccountView[]>([]);
  const done = useRef(onSignedIn);
  useEffect(() => {
    done.current = onSignedIn;
  }, [onSignedIn]);

  async function start(provider: CalendarService): Promise<void> {
    setStarting(true);
    setError(null);
    try {
      before.current = (await api.accounts()).accounts;
      const { auth_url } = await api.signIn({ provider });
      window.open(auth_url, '_blank', 'noopener,noreferrer');
      setPending({ provider, auth_url });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setStarting(false);
    }
  }

  useEffect(() => {
    if (!pending) return;
    const startedAt = Date.now();
    let stopped = false;
    const timer = setInterval(() => {
      if (Date.now() - startedAt > giveUpAfterMs) {
        setPending(null);
        setError(
          `The ${pending.provider === 'google' ? 'Google' : 'Microsoft'} sign-in was not finished. Try again.`,
        );
        return;
      }
      api.accounts().then(
        ({ accounts }) => {
          const found = findSignedIn(pending.provider, before.current, accounts);
          if (found && !stopped) {
            stopped = true;
            setPending(null);
            done.current(found);
          }
        },
        () => undefined, // A missed poll is retried on the next tick.
      );
    }, pollEveryMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, pending]);

  return { start, pending, starting, error, cancel: () => setPending(null) };
}
