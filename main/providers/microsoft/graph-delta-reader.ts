/**
 * One round of `calendarView/delta`: pages followed from the first URL (or a saved deltaLink) to the next deltaLink,
 * rows kept by id. Each page asks for `pageSize` rows (`Prefer: odata.maxpagesize`, which Graph reads per request);
 * a page Graph could not gather in time (504 Gateway Timeout, which Outlook's docs say a page of hundreds of full
 * items can cause) is asked for again at half the size, and the rest of the round keeps the smaller size.
 * https://learn.microsoft.com/graph/delta-query-events · https://learn.microsoft.com/graph/api/user-list-messages
 */
import { CursorExpiredError } from '../port';
import type { GraphCaller } from './graph-caller';
import { microsoftProviderName } from './graph-caller';
import { GraphRequestError, graphCodeOf, graphStatusOf } from './graph-errors';
import type { GraphEvent } from './graph-event';

/** Graph's own default page for delta; a timed-out page is never asked for in smaller pieces than this. */
const smallestPage = 10;

interface DeltaPage {
  value?: GraphEvent[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** The rows of one round, the newest row of each event, and the deltaLink that ends it. */
export async function readDeltaRound(
  caller: GraphCaller,
  firstUrl: string,
  pageSize: number,
): Promise<{ rows: Map<string, GraphEvent>; deltaLink: string }> {
  const rows = new Map<string, GraphEvent>();
  let url = firstUrl;
  let size = pageSize;
  for (;;) {
    const page = (await caller.send(
      'list changes',
      async () => {
        try {
          return (await caller.request(url, { pageSize: size }).get()) as DeltaPage;
        } catch (error) {
          if (graphStatusOf(error) === 504) size = Math.max(smallestPage, Math.floor(size / 2));
          throw error;
        }
      },
      (error) =>
        graphStatusOf(error) === 410 || graphCodeOf(error)?.toLowerCase() === 'syncstatenotfound'
          ? new CursorExpiredError(microsoftProviderName)
          : undefined,
    )) as DeltaPage;
    // A round may show an event more than once; the last row is the newest.
    for (const row of page.value ?? []) if (row.id) rows.set(row.id, row);
    if (page['@odata.nextLink']) url = page['@odata.nextLink'];
    else if (page['@odata.deltaLink']) return { rows, deltaLink: page['@odata.deltaLink'] };
    else throw new GraphRequestError('give a delta link', undefined, undefined);
  }
}
