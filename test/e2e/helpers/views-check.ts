/** Checks every view of the app shares: axe's serious and critical findings, sideways scroll, and screenshots. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Asserts axe finds nothing serious or critical on the page as it is now (an open dialog included). */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  // Soft: one run reports every view's findings, not only the first.
  expect.soft(bad, `axe on ${where}`).toEqual([]);
}

/** Asserts the page does not scroll sideways and no element pokes out of the window. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  // A string, run in the page: this project's TypeScript has no DOM types outside the renderer.
  const overflow = await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const out = Array.from(document.querySelectorAll('main *, nav *'))
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.closest('.visually-hidden') && !el.closest('thead'))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' (' + Math.round(el.getBoundingClientRect().right) + ')');
    return { scroll: document.documentElement.scrollWidth - width, out };
  })()`);
  expect.soft(overflow, `sideways at ${where}`).toEqual({ scroll: 0, out: [] });
}

export const sizes = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
