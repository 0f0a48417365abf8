import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../../main/inbox/eml';

const H = 'From: Zhang <a@example.com>\r\nSubject: hi\r\nMessage-ID: <x@example.com>\r\n';
const bytes = (s: string) => Buffer.from(s, 'latin1');

// Issue 10, item 11: truncated, wrong-charset or broken-MIME files were imported without a word.
describe('what is wrong with a message file that can still be read', () => {
  it.each([
    { why: 'a clean message', eml: `${H}Content-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n`, codes: [] },
    { why: 'an unknown charset', eml: `${H}Content-Type: text/plain; charset=x-nonsense-9\r\n\r\nhello\r\n`, codes: [['unknownCharset', 'x-nonsense-9']] },
    { why: 'GBK bytes declared as UTF-8', eml: `${H}Content-Type: text/plain; charset=utf-8\r\n\r\nhello \xd6\xd0\xce\xc4\r\n`, codes: [['undecodableText', 'text']] },
    {
      why: 'a multipart cut off in its last part',
      eml: `${H}Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\nJVBER`,
      codes: [['truncated', 'message: no closing boundary'], ['truncated', 'message.2: base64 content ends part-way']],
    },
    { why: 'a multipart without a boundary', eml: `${H}Content-Type: multipart/mixed\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b1--\r\n`, codes: [['brokenMime', 'message: multipart/mixed without a boundary']] },
    { why: 'a boundary that never appears', eml: `${H}Content-Type: multipart/mixed; boundary=zz\r\n\r\n--b1\r\n\r\nbody\r\n`, codes: [['brokenMime', 'message: the boundary never appears']] },
    { why: 'broken base64', eml: `${H}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8*!!gd29ybGQ=\r\n`, codes: [['brokenEncoding', 'message: base64 with characters outside its alphabet']] },
    { why: 'an unknown transfer encoding', eml: `${H}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-weird\r\n\r\nhello\r\n`, codes: [['brokenEncoding', 'message: Content-Transfer-Encoding x-weird']] },
    { why: 'raw 8-bit bytes in the headers that are not UTF-8 (UTF-8 itself is allowed, RFC 6532)', eml: `From: \xe5\xbc\xa0\xe4\xb8\x89 <a@example.com>\r\nSubject: \xd6\xd0\xce\xc4\r\n\r\nhello\r\n`, codes: [['rawHeaderBytes', 'header'], ['undecodableText', 'text']] },
    { why: 'an encoded-word in an unknown charset', eml: `From: a@example.com\r\nSubject: =?x-klingon?B?aGk=?=\r\n\r\nhello\r\n`, codes: [['unknownCharset', 'x-klingon']] },
  ])('$why: imported, flagged $codes', async ({ eml, codes }) => {
    const r = await parseEml(bytes(eml));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.problems.map((p) => [p.code, p.detail])).toEqual(codes);
  });

  it('the well-formed fixtures (GB2312, GBK, Big5, UTF-8 with HTML and an attachment) raise no flag', async () => {
    const dir = join(__dirname, '../../fixtures/inbox');
    const good = readdirSync(dir).filter((f) => /^(gb2312|gbk|big5|utf8-html)\.eml$/.test(f));
    expect(good.length).toBe(4);
    for (const name of good) {
      const r = await parseEml(readFileSync(join(dir, name)));
      expect(r.ok && r.value.problems, name).toEqual([]);
    }
  });
});
