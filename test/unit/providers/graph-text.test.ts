import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyText, htmlToText } from '../../../main/providers/microsoft/graph-text';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

describe('htmlToText', () => {
  it('reads an Outlook body down to its lines', () => {
    const html =
      '<html><head><meta charset="utf-8"><style>p{margin:0}</style></head>\r\n<body>' +
      '<div><p>Quarterly review</p>\r\n<p>Room&nbsp;4 &amp; dial-in:<br>+1&#160;555&nbsp;0100</p></div></body></html>';

    expect(htmlToText(html)).toBe('Quarterly review\nRoom 4 & dial-in:\n+1 555 0100');
  });

  it('drops scripts, styles and comments, closed or not', () => {
    expect(htmlToText('<p>Hi</p><script>alert(1)</script><style>*{}</style><!-- x -->')).toBe('Hi');
    expect(htmlToText('Agenda<script>steal()')).toBe('Agenda');
    expect(htmlToText('Agenda<!-- never closed <script>')).toBe('Agenda');
  });

  it('keeps escaped markup as text that can never become a tag', () => {
    const text = htmlToText('&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=y&#62;');

    expect(text).not.toMatch(/<[a-z/!?]/i);
    expect(text).toBe('＜script>alert(1)＜/script> ＜img src=x onerror=y>');
  });

  it('decodes entities, including code points no character has', () => {
    expect(htmlToText('&euro;5 &mdash; &quot;ok&quot; &#x1F600; &#X41;')).toBe('€5 — "ok" 😀 A');
    expect(htmlToText('&#1114112; &#xD800; &#0;')).toBe('\uFFFD \uFFFD \uFFFD');
    expect(htmlToText('&unknown; & a &amp b')).toBe('&unknown; & a &amp b');
  });

  it('drops attributes that hold a >', () => {
    expect(htmlToText('<a title="a > b" href="https://x">Link</a>')).toBe('Link');
  });

  it('keeps a bare < that starts no tag', () => {
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
  });

  it('reads a long body of unclosed tags without a tag left over', () => {
    const hostile = '<a '.repeat(50_000) + '"'.repeat(1_000);

    expect(htmlToText(hostile)).not.toMatch(/<[a-z/!?]/i);
  });

  it('never puts out a tag, whatever comes in', () => {
    const fragment = fc.constantFrom(
      '<',
      '>',
      '/',
      '!',
      '?',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      'a',
      'script',
      'SCRIPT',
      'img',
      'onerror',
      '<script>',
      '</script>',
      '<script',
      '<p>',
      '</p>',
      '<br>',
      '<!--',
      '-->',
      '<style>',
      '</style',
      '&lt;',
      '&gt;',
      '&#60;',
      '&#x3c;',
      '&#X3C;',
      '&amp;',
      '&',
      ';',
      '#',
      'x3c',
      'lt',
      '\uFEFF',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), fc.string(), (parts, noise) => {
        const text = htmlToText(parts.join('') + noise);
        expect(text).not.toMatch(/<script/i);
        expect(text).not.toMatch(/<[a-z/!?]/i);
      }),
    );
  });

  it('gives back plain text, escaped into HTML with <br> line breaks, exactly', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9äöüéß€&>"'.,:;!?()+-]{1,10}$/);
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const html = `<div>${lines.map(escapeHtml).join('<br>')}</div>`;

        expect(htmlToText(html)).toBe(lines.join('\n'));
      }),
    );
  });

  it('leaves plain text without markup characters as it is', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 .,:!?äé-]{0,40}$/).map((s) => s.replace(/ +/g, ' ').trim());
    fc.assert(
      fc.property(text, (plain) => {
        expect(htmlToText(plain)).toBe(plain);
      }),
    );
  });
});

describe('bodyText', () => {
  it('converts only bodies that say they are HTML', () => {
    expect(bodyText({ contentType: 'html', content: '<p>a &amp; b</p>' })).toBe('a & b');
    expect(bodyText({ contentType: 'text', content: '<p>as typed</p>' })).toBe('<p>as typed</p>');
    expect(bodyText(null)).toBe('');
  });
});
