/**
 * The web UI's notifications sit where they cover no navigation, at every window size: with two on screen, each nav
 * button still takes a click, and the notifications stay inside the window.
 */
import { expect, test } from './helpers/agent-fixture';
import { openUi } from './helpers/open-ui';
import { onlyConnectionCalendarId, SandboxApi } from './helpers/sandbox-api';
import { connectThroughWizard, firstSyncFromWizard } from './helpers/ui-flows';
import { sizes } from './helpers/views-check';

const sam = 'sam@sandbox.example';
const resourceId = 'rsc_recording_studio';

/** What covers the centre of each nav button, and the notifications' boxes, as the page stands. */
const layout = `(() => {
  const covered = Array.from(document.querySelectorAll('nav button')).flatMap((button) => {
    const box = button.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top && button.contains(top) ? [] : [button.textContent.trim()];
  });
  const outside = Array.from(document.querySelectorAll('.notice')).filter((notice) => {
    const box = notice.getBoundingClientRect();
    return box.top < 0 || box.left < 0 || box.bottom > innerHeight + 1 || box.right > innerWidth + 1;
  }).length;
  return { covered, outside };
})()`;

test('two notifications on screen cover no nav button at any window size', async ({
  page,
  agent,
  request,
}) => {
  await openUi(page, agent);
  await connectThroughWizard(page, { resource: 'Recording Studio', email: sam });
  await firstSyncFromWizard(page, 'Recording Studio');

  // Two events on two of the studio's bookings, each synced on its own: two "Double booking" notifications.
  const sandbox = await SandboxApi.of(request, agent.url, agent.token);
  const calendarId = await onlyConnectionCalendarId(request, agent.url, agent.token);
  const now = await sandbox.now();
  const bookings = (await sandbox.bookings(resourceId)).filter(
    (b) => b.status === 'confirmed' && b.source === null && Date.parse(b.start) > now,
  );
  if (bookings.length < 2) throw new Error('The demo seed has fewer than two future studio bookings.');
  const notices = page.getByRole('region', { name: 'Notifications' }).getByText('Double booking');
  const openConflicts = async () => {
    const answer = await request.get(`${agent.url}/api/conflicts`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    return ((await answer.json()) as { conflicts: unknown[] }).conflicts.length;
  };
  const before = await openConflicts();
  for (const [i, booking] of bookings.slice(0, 2).entries()) {
    await sandbox.addEventOverlapping(sam, calendarId, booking, `Band rehearsal ${i + 1}`);
    await page
      .getByRole('row', { name: /Recording Studio/ })
      .getByRole('button', { name: 'Sync now' })
      .click();
    await expect.poll(openConflicts, { timeout: 60_000 }).toBe(before + i + 1);
  }
  await expect(notices).toHaveCount(2);

  const seen: Record<string, unknown> = {};
  for (const size of sizes) {
    await page.setViewportSize(size);
    seen[`${size.width}×${size.height}`] = await page.evaluate(layout);
    await page.screenshot({ path: `test-results/notices-${size.width}x${size.height}.png` });
  }
  expect(seen).toEqual(
    Object.fromEntries(sizes.map((s) => [`${s.width}×${s.height}`, { covered: [], outside: 0 }])),
  );
});
