/**
 * The pictures docs/live-mode.md and the README show, taken from the running app: the first-run welcome, and the
 * tray menu. The tray menu is the system's own (not a web page), so its picture is drawn in the page from the
 * same pure functions the tray is built from (main/shell/tray-model.ts), and says so in its caption.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trayMenu, trayStateOf, trayStatusLine, type TraySnapshot } from '../../main/shell/tray-model';
import { expect, test } from './helpers/agent-fixture';

const images = 'docs/images';
const sizes = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
];

for (const size of sizes) {
  test(`the welcome screen at ${size.width}×${size.height}`, async ({ page, agent }) => {
    await page.setViewportSize(size);
    await page.goto(agent.ui_url);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Sched Sync' });
    await expect(welcome.getByRole('button', { name: 'Try it with demo data' })).toBeVisible();

    await page.screenshot({ path: join(images, `welcome-${size.width}x${size.height}.png`) });
  });
}

/** Something that needs the person: a sign-in and a conflict, the last sync at 09:41. */
const snapshot: TraySnapshot = {
  connections: [
    { calendar_id: 'alex@example.com', sync_status: 'active' },
    { calendar_id: 'studio@example.com', sync_status: 'reauth_required' },
  ],
  syncing: [],
  conflicts: 1,
  pausedAll: false,
  lastSync: new Date('2026-03-02T09:41:00Z'),
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The menu as HTML: each item of trayMenu's output, greyed out where Electron would grey it. */
function menuPicture(): string {
  const state = trayStateOf(snapshot);
  const line = trayStatusLine(snapshot, () => '09:41');
  const noop = () => undefined;
  const items = trayMenu(snapshot, { open: noop, syncNow: noop, pauseAll: noop, quit: noop }, line);
  const icon = readFileSync(join('build/tray', `tray-${state}@2x.png`)).toString('base64');
  const rows = items
    .map((item) =>
      item.type === 'separator'
        ? '<li class="sep" role="separator"></li>'
        : `<li class="${item.enabled === false ? 'off' : ''}">${escape(item.label ?? '')}</li>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 14px system-ui, sans-serif; margin: 0; }
    * { box-sizing: border-box; }
    figure { margin: 0; display: inline-block; padding: 20px; background: #dfe3ea; }
    .bar { display: flex; justify-content: flex-end; align-items: center; gap: 8px; width: 340px;
      padding: 4px 10px; background: #2b2f36; color: #fff; border-radius: 6px 6px 0 0; font-size: 12px; }
    .bar img { width: 18px; height: 18px; }
    ul { list-style: none; margin: 0; padding: 6px 0; width: 340px; background: #fff; border: 1px solid #c5cad3;
      border-radius: 0 0 8px 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 20%); }
    li { padding: 6px 16px; color: #1d2330; }
    li.off { color: #8a919e; }
    li.sep { padding: 0; margin: 5px 0; border-top: 1px solid #e1e4ea; }
    figcaption { margin-top: 12px; width: 340px; color: #4a5160; font-size: 12px; }
  </style>
  <figure id="tray">
    <div class="bar"><img alt="The ${state} tray icon" src="data:image/png;base64,${icon}"><span>09:41</span></div>
    <ul aria-label="Tray menu">${rows}</ul>
    <figcaption>A picture of the tray menu, drawn from the functions the real menu is built from
      (main/shell/tray-model.ts); the real menu looks like the system's own menus.</figcaption>
  </figure>`;
}

test('the tray menu, drawn from tray-model.ts', async ({ page }) => {
  await page.setContent(menuPicture());
  const menu = page.getByRole('list', { name: 'Tray menu' });

  await expect(menu).toContainText('1 sign-in needed, 1 conflict');
  await expect(menu).toContainText('Pause all');
  await page.locator('#tray').screenshot({ path: join(images, 'tray-menu.png') });
});
