import { useEffect } from 'react';
import type { NoticeView } from '../../../preload/contract';
import { viewOfHash } from '../lib/notice-links';

/**
 * Opens the view a clicked desktop notification asks for (`#open=<view>`, at load or later), then removes the
 * hash so a reload does not open it again.
 */
export function useOpenView(open: (view: NoticeView) => void): void {
  useEffect(() => {
    const take = () => {
      const view = viewOfHash(window.location.hash);
      if (!view) return;
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      open(view);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, [open]);
}
