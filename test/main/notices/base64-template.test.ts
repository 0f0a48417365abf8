import { describe, expect, it } from 'vitest';
import { compileBase64, fillBase64 } from '../../../main/notices/base64-template';
import { compileText } from '../../../main/notices/rules';

const decode = (b64: string) => Buffer.from(b64.replace(/\r\n/g, ''), 'base64').toString('utf8');

describe('base64 of a text with merge fields', () => {
  // Every carry (0, 1, 2 bytes) across literals and values of every length mod 3, Chinese included.
  const texts = ['尊敬的{{recipient.name}}：\n' + '本次事件……'.repeat(40), '{{recipient.name}}', 'a{{recipient.name}}b{{recipient.city}}', 'ab{{recipient.name}}{{recipient.city}}c', '你好'];
  const names = ['', 'a', 'ab', 'abc', '张', '张三', 'Li "Ray" Lei'];
  for (const text of texts) {
    it.each(names)(`%j into ${JSON.stringify(text.slice(0, 24))} decodes to the filled text, lines ≤ 76`, (name) => {
      const c = compileText(text);
      const values = { 'recipient.name': name, 'recipient.city': '北京' };
      const b64 = fillBase64(compileBase64(c.literals, c.fields, '\r\n'), values);
      expect(decode(b64)).toBe(text.replace('{{recipient.name}}', name).replace('{{recipient.city}}', '北京'));
      for (const line of b64 === '' ? [] : b64.split('\r\n')) {
        expect(line.length).toBeGreaterThan(0);
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).toMatch(/^[A-Za-z0-9+/]+=*$/);
      }
    });
  }
});
