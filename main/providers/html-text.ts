/**
 * Calendar text as plain text. Calendar content is data from anyone who can send an invitation: Outlook bodies and
 * Google descriptions may arrive as HTML, so they are read down to their text before they reach Sched, and the result
 * holds no markup at all, so nothing downstream can ever render it as HTML (SECURITY.md, "Hostile calendar content").
 */

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  times: '×',
};

/** A numeric character reference's character; invalid code points become U+FFFD, as HTML parsers do. */
function fromCodePoint(code: number): string {
  const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[1] === 'x' || name[1] === 'X') return fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return fromCodePoint(Number(name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** Elements whose content is not text a person reads; an unclosed one runs to the end, as in a browser. */
const droppedElements =
  /<(script|style|head|title|noscript|template|xml|iframe|object)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const comments = /<!--[\s\S]*?(?:-->|$)/g;
/**
 * A tag, with quoted attribute values that may hold `>`. Each alternative starts with its own character and none
 * runs past an unquoted `<`, so a body full of unclosed tags costs linear time, not quadratic.
 */
const tags = /<\/?[a-z](?:[^<>"']|"[^"]*"|'[^']*')*>|<![^<>]*>|<\?[^<>]*>/gi;
const lineBreaks = /<br\b[^>]*>/gi;
const blockEnds = /<\/(?:p|div|li|tr|h[1-6]|table|ul|ol|blockquote|pre)\s*>|<hr\b[^>]*>/gi;
/** What could start markup if the text were ever read as HTML: `<` before a letter, `/`, `!` or `?`. */
const markupStart = /<(?=[a-z/!?])/gi;

/** The text a person reads in an HTML body: scripts and styles go, block ends become line breaks, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(droppedElements, '')
    .replace(comments, '')
    // Source line breaks are only spaces in HTML; the line breaks that count come from <br> and blocks.
    .replace(/\s+/g, ' ')
    .replace(lineBreaks, '\n')
    .replace(blockEnds, '\n')
    .replace(tags, '');
  // Escaped markup (&lt;script&gt;) decodes to text that looks like markup; it keeps a look-alike bracket.
  return decodeEntities(text)
    .replace(markupStart, '\uFF1C')
    .replace(/\u00A0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A tag Google Calendar's editor writes into descriptions (it has no content type: the markup is the only sign). */
const htmlTag =
  /<(?:br|p|div|span|b|i|u|a|ul|ol|li|strong|em|h[1-6]|table|tr|td|html|body|font)\b[^<>]*>|<\/[a-z][a-z0-9]*\s*>/i;

/** A Google description as text: HTML read down to its text; plain text (even with a stray `<`) kept as it is. */
export function descriptionText(description: string): string {
  return htmlTag.test(description) ? htmlToText(description) : description;
}
