import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../../main/inbox/eml';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/inbox', name));

// The known text the fixtures were made from (test/fixtures/inbox/make-fixtures.mjs), typed here
// again so a decoding error cannot hide behind a shared constant.
describe('.eml parsing across Chinese encodings', () => {
  it.each([
    {
      file: 'gb2312.eml',
      why: 'GB2312 base64 body and B-encoded subject',
      name: '张伟',
      address: 'zhang.wei@example.cn',
      subject: '申请删除个人信息',
      text: '您好，我要求删除我在贵公司账户中的全部个人信息。谢谢！',
      date: '2026-02-16T02:00:00.000Z',
    },
    {
      file: 'gbk.eml',
      why: 'GBK-only characters (喆, 镕) in a quoted-printable body and Q-encoded sender',
      name: '王喆',
      address: 'wang.zhe@example.cn',
      subject: '更正请求：姓名中的“喆”与“镕”字',
      text: '我是王喆，账户资料里把我的名字写错了，请更正。朱镕基的“镕”也显示为问号。',
      date: '2026-09-29T01:30:00.000Z',
    },
    {
      file: 'big5.eml',
      why: 'Big5 traditional characters in an 8-bit body',
      name: '陳大文',
      address: 'chan.taiman@example.hk',
      subject: '查閱個人資料申請',
      text: '您好，本人要求查閱及複製貴公司所持有的本人個人資料。',
      date: '2026-10-01T00:00:00.000Z',
    },
    {
      file: 'utf8-html.eml',
      why: 'UTF-8 HTML-only body: text without script or style',
      name: 'Anna Müller 安娜',
      address: 'anna.mueller@example.de',
      subject: 'Auskunftsersuchen – 访问请求 ✉',
      text: 'Bitte senden Sie mir eine Kopie meiner Daten.\n请把我的数据副本发给我。',
      date: '2026-11-27T15:45:00.000Z',
    },
  ])('$file: $why', async ({ file, name, address, subject, text, date }) => {
    const r = await parseEml(fixture(file));
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ fromName: name, fromAddress: address, subject, text, dateHeader: date });
    expect(r.value.text).not.toContain('alert');
    expect(r.value.text).not.toContain('color:red');
  });

  it('lists attachments with name, type and size', async () => {
    const r = await parseEml(fixture('utf8-html.eml'));
    expect(r.ok && r.value.attachments).toEqual([{ filename: 'ausweis.pdf', mimeType: 'application/pdf', size: 38 }]);
  });

  it('uses the Message-ID as the duplicate key', async () => {
    const r = await parseEml(fixture('big5.eml'));
    expect(r.ok && r.value.dedupeKey).toBe('<big5-0001@example.hk>');
  });

  it('a message without Message-ID is keyed by its content hash', async () => {
    const r = await parseEml(Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nbody'));
    expect(r.ok && r.value.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([
    { bytes: fixture('not-an-email.eml'), why: 'a PNG picture' },
    { bytes: Buffer.alloc(0), why: 'an empty file' },
    { bytes: Buffer.from('Subject: no sender\r\n\r\nbody'), why: 'no From header' },
    { bytes: Buffer.from('From: nobody\r\nSubject: x\r\n\r\nbody'), why: 'a From header without an address' },
  ])('malformed: $why', async ({ bytes }) => {
    const r = await parseEml(bytes);
    expect(r).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});
