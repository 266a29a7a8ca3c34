/**
 * Event bodies as plain text. The adapter asks Graph for text (`Prefer: outlook.body-content-type="text"`) and
 * writes text, but an answer that ignores the preference still arrives as HTML, so it is read down to its text
 * (main/providers/html-text.ts) before it reaches Sched.
 */
import { htmlToText } from '../html-text';

export { htmlToText } from '../html-text';

/** A Graph body as text, whichever type it came in. */
export function bodyText(
  body: { contentType?: string | null; content?: string | null } | null | undefined,
): string {
  const content = body?.content ?? '';
  return body?.contentType?.toLowerCase() === 'html' ? htmlToText(content) : content;
}
