/**
 * Where a notification leads and how the desktop app says so: `#open=<view>` in the window's URL (main/index.ts
 * loads it when a notification is clicked), read once and removed. Pure, so it is tested without a browser.
 */
import type { NoticeView } from '../../../preload/contract';

const views: readonly NoticeView[] = ['accounts', 'connections', 'conflicts', 'activity'];

/** The view a `#open=<view>` hash asks for, or null (another hash, such as the headless `#token=`). */
export function viewOfHash(hash: string): NoticeView | null {
  const match = /^#open=([a-z]+)$/.exec(hash);
  const view = match?.[1] as NoticeView | undefined;
  return view && views.includes(view) ? view : null;
}

/** Where a notification's "Show me" button leads, as its tooltip. */
export function openLabel(view: NoticeView): string {
  switch (view) {
    case 'accounts':
      return 'Open Accounts';
    case 'connections':
      return 'Review in Connections';
    case 'conflicts':
      return 'Open Conflicts';
    case 'activity':
      return 'Open Activity';
  }
}

/**
 * A headline for a refusal of "Connect your Sched", read off the agent's message (sched-probe-refusal.ts words
 * each cause): unreachable, a certificate problem, a wrong key or a wrong address; null for anything else.
 */
export function schedRefusalHeadline(message: string): string | null {
  if (message.startsWith('api_key:')) return 'Sched did not accept this API key';
  if (message.includes('could not be reached securely')) return "Sched's certificate is not trusted";
  if (message.includes('could not be reached')) return 'Sched could not be reached';
  if (message.startsWith('base_url:')) return "This address is not Sched's API";
  return null;
}
