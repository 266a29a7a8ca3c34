/**
 * Outlook returns event bodies as HTML unless the request says `Prefer: outlook.body-content-type="text"`,
 * whatever type the body was written in; a text body read back as HTML comes wrapped in a small document.
 * https://learn.microsoft.com/graph/api/event-get#request-headers
 */

export type BodyType = 'html' | 'text';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text of an HTML body: tags dropped, line breaks kept, common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<br\s*\/?>/gi, '\r\n')
    .replace(/<\/(p|div)>/gi, '\r\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/(\r\n)+$/, '')
    .trim();
}

/** A text body as the HTML document Outlook makes of it. */
export function textToHtml(text: string): string {
  const body = escapeHtml(text).replace(/\r?\n/g, '<br>\r\n');
  return (
    '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n' +
    `<body>\r\n${body}\r\n</body>\r\n</html>\r\n`
  );
}

/** The body in the type the request prefers. */
export function bodyAs(
  body: { contentType: BodyType; content: string },
  wanted: BodyType,
): { contentType: BodyType; content: string } {
  if (body.contentType === wanted) return { ...body };
  return wanted === 'text'
    ? { contentType: 'text', content: htmlToText(body.content) }
    : { contentType: 'html', content: textToHtml(body.content) };
}
