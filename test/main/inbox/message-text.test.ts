import { describe, expect, it } from 'vitest';
import { htmlToSafeText, looksLikeMessage, safeText } from '../../../main/inbox/message-text';

describe('message shape and HTML', () => {
  it.each([
    { text: 'From: a@b.c\r\nSubject: x\r\n\r\nbody', expected: true, why: 'headers then body' },
    { text: 'Subject: x\r\n folded\r\nFrom: a@b.c\r\n', expected: true, why: 'folded header and no body' },
    { text: 'Subject: x\r\n\r\nbody', expected: false, why: 'no From line' },
    { text: 'Hello, this is a letter\r\nFrom: me', expected: false, why: 'first line is not a header' },
    { text: '', expected: false, why: 'empty file' },
  ])('$why', ({ text, expected }) => {
    expect(looksLikeMessage(Buffer.from(text))).toBe(expected);
  });

  it('turns HTML into text: scripts, styles and comments dropped, blocks on lines, entities decoded', () => {
    const html = '<html><head><title>t</title><style>p{}</style></head><body><script>alert(1)</script><p>A &amp; B &lt;3</p><!-- hidden --><div>第二行&#x4E2D;</div></body></html>';
    expect(htmlToSafeText(html).trim()).toBe('A & B <3\n第二行中');
  });

  it('unclosed tags cannot stall it (linear pass)', () => {
    const hostile = '<script></script>'.repeat(50_000) + '<!-- '.repeat(50_000) + '<a '.repeat(200_000);
    const started = performance.now();
    htmlToSafeText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('safeText keeps stored text well-formed', () => {
  it('cuts before a surrogate pair rather than through it, and normalises to NFC like the contract', () => {
    // A subject cut at 500 units must not end in half an emoji (stored as U+FFFD, hashed otherwise).
    const cut = safeText(`${'a'.repeat(499)}😀tail`, 500);
    expect(cut).toBe('a'.repeat(499));
    expect(cut.isWellFormed()).toBe(true);
    expect(safeText('x\ud800y')).toBe('x\ufffdy');
    expect(safeText('Cafe\u0301')).toBe('Café');
  });
});
