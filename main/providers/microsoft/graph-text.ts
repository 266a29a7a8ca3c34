/**
 * Event bodies as plain text. The adapter asks Graph for text (`Prefer: outlook.body-content-type="text"`) and
 * writes text, but an answer that ignores the preference still arrives as HTML, so it is read down to its text.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The text a person reads in an HTML body: block ends become line breaks, tags and comments go. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(head|style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Graph body as text, whichever type it came in. */
export function bodyText(
  body: { contentType?: string | null; content?: string | null } | null | undefined,
): string {
  const content = body?.content ?? '';
  return body?.contentType?.toLowerCase() === 'html' ? htmlToText(content) : content;
}
