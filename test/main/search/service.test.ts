import { afterEach, describe, expect, it } from 'vitest';
import { indexRecord, searchAll, unindexRecord } from '../../../main/search/service';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const doc = (recordId: string, title: string, body = '') => ({ module: 'incidents', recordId, ref: `INC-2026-${recordId}`, title, body });

describe('full-text search across modules', () => {
  it('finds Chinese text by a 3+ character trigram match and by a 1–2 character LIKE fallback', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => {
      indexRecord(tv.session, doc('0001', '用户个人信息泄露', '对象存储配置错误导致手机号外泄'));
      indexRecord(tv.session, doc('0002', 'Vendor breach', 'Phishing of a support agent'));
    });
    expect(searchAll(tv.session, '信息泄露', 10).map((h) => h.recordId)).toEqual(['0001']);
    expect(searchAll(tv.session, '手机', 10).map((h) => h.recordId)).toEqual(['0001']);
    expect(searchAll(tv.session, 'phishing', 10).map((h) => h.recordId)).toEqual(['0002']);
  });

  it('re-indexing a record replaces it, and unindexing removes it', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => indexRecord(tv.session, doc('0001', 'Old title')));
    tv.session.tx(() => indexRecord(tv.session, doc('0001', 'New title')));
    expect(searchAll(tv.session, 'title', 10).map((h) => h.title)).toEqual(['New title']);
    tv.session.tx(() => unindexRecord(tv.session, 'incidents', '0001'));
    expect(searchAll(tv.session, 'title', 10)).toEqual([]);
  });

  it('user text is never FTS syntax: quotes and operators are searched literally', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => indexRecord(tv.session, doc('0001', 'He said "NEAR" OR not')));
    expect(searchAll(tv.session, '"NEAR" OR', 10).map((h) => h.recordId)).toEqual(['0001']);
    expect(searchAll(tv.session, 'a"b*', 10)).toEqual([]);
  });

  it('the search channel refuses an empty query naming the field', async () => {
    tv = await makeTestVault();
    expect(await tv.call('search.query', { text: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { text: expect.any(String) } } });
  });
  // Issue 10, item 7: `search.query {"text":"a\u0000bc"}` was INTERNAL (an FTS5 syntax error).
  it('any text the DPO can type searches or is refused by name, never INTERNAL', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => {
      indexRecord(tv.session, doc('0001', 'Leak of abc records (NEAR the "gate")', 'phone numbers * - ^ exposed'));
      indexRecord(tv.session, doc('0002', '用户个人信息泄露', '手机号'));
    });
    const hostile = ['a\u0000bc', 'abc\u0000records', '\u0000\u0000\u0000', '"', '"""', '*', '-', 'NEAR', 'NEAR(abc gate)', '(', ')', 'abc OR x', 'abc* -x', '^abc', 'col:abc', '{a b}: x', '\\', "'", '%_%', 'x'.repeat(200), '\ufffd\ufffd\ufffd', '\t\n\r'];
    for (const text of hostile) {
      const r = await tv.call('search.query', { text });
      expect(r.ok || r.error.code, JSON.stringify(text)).not.toBe('INTERNAL');
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(text)).toEqual(['text']);
    }
    // A NUL separates terms: both must be present.
    expect((await tv.ok('search.query', { text: 'abc\u0000records' })).hits.map((h) => h.recordId)).toEqual(['0001']);
    expect((await tv.ok('search.query', { text: 'abc\u0000absent' })).hits).toEqual([]);
    expect((await tv.ok('search.query', { text: '手机\u0000泄露' })).hits.map((h) => h.recordId)).toEqual(['0002']);
    // FTS operators are text: "NEAR" is found as a word, "(" finds nothing and is no error.
    expect((await tv.ok('search.query', { text: 'NEAR the' })).hits.map((h) => h.recordId)).toEqual(['0001']);
    expect((await tv.ok('search.query', { text: '"gate")' })).hits.map((h) => h.recordId)).toEqual(['0001']);
    // Only control characters: nothing to search for, said by field.
    expect(await tv.call('search.query', { text: '\u0000\u0001\u0002' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { text: expect.stringMatching(/search for/) } } });
    // A lone surrogate and a 1–5 MB text are refused clearly.
    expect(await tv.call('search.query', { text: 'ab\ud800c' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { text: expect.any(String) } } });
    expect(await tv.call('search.query', { text: 'x'.repeat(1_000_000) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { text: expect.any(String) } } });
  });
});
