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
});
