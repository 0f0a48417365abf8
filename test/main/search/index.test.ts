import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bigramText, planSearch, type SearchPlan } from '../../../main/search/rules';
import { indexRecord, searchAll, unindexRecord } from '../../../main/search/service';
import { openDatabase, type Db } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 16: search at a million records. Two-character Chinese words through their own index
// (not a scan of every record), hits newest first in the index's own order.

let tv: TestVault | undefined;
let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  tv?.cleanup();
  tv = undefined;
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const doc = (recordId: string, title: string, body = '', module = 'inbox') => ({ module, recordId, ref: `REQ-2026-${recordId}`, title, body });
const ids = (text: string) => searchAll(tv!.session, text, 20).map((h) => h.recordId);

describe('search plan and bigram text', () => {
  it.each<[string, SearchPlan, string]>([
    ['删除', { pairs: ['删除'], phrases: [], scans: [] }, 'two Han characters: the bigram index'],
    ['个人信息', { phrases: ['个人信息'], pairs: [], scans: [] }, 'four characters: a trigram phrase'],
    ['delete', { phrases: ['delete'], pairs: [], scans: [] }, 'a Latin word: a trigram phrase'],
    ['EU', { scans: ['EU'], pairs: [], phrases: [] }, 'two Latin letters: no index, scanned'],
    ['删', { scans: ['删'], pairs: [], phrases: [] }, 'one character: scanned'],
    ['删a', { scans: ['删a'], pairs: [], phrases: [] }, 'a Han character and a letter: scanned'],
    ['カナ', { pairs: ['カナ'], phrases: [], scans: [] }, 'katakana pair'],
    ['한국', { pairs: ['한국'], phrases: [], scans: [] }, 'hangul pair'],
  ])('%s → %j (%s)', (text, plan, _why) => {
    expect(planSearch([text])).toEqual(plan);
  });

  it('every neighbouring pair of CJK characters once, across the record\'s texts, nothing from Latin text', () => {
    expect(bigramText('REQ-1', '张伟: 请删除', 'Please delete 删除 ok')).toBe('张伟 请删 删除');
    expect(bigramText('A', 'b', 'c')).toBe('');
    expect(bigramText('个', '人')).toBe('');
  });
});

describe('search with the two indexes', () => {
  it('finds a two-character Chinese word through the bigram index, in the title or the body, and not by a scan', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => {
      indexRecord(tv!.session, doc('0001', '张伟: 请删除我的个人信息'));
      indexRecord(tv!.session, doc('0002', 'Access request', '我要查阅我的数据，并删除账户'));
      indexRecord(tv!.session, doc('0003', 'Vendor breach', 'Phishing of a support agent'));
    });
    expect(ids('删除')).toEqual(['0002', '0001']);
    expect(ids('张伟')).toEqual(['0001']);
    expect(ids('龙虾')).toEqual([]);
    const hit = searchAll(tv.session, '查阅', 20)[0];
    expect(hit.snippet).toContain('查阅');
    const plan = tv.session.db.prepare(`EXPLAIN QUERY PLAN SELECT s.rowid FROM search_bigrams JOIN search_index s ON s.rowid = search_bigrams.rowid WHERE search_bigrams MATCH '"删除"' ORDER BY search_bigrams.rowid LIMIT 20`).all() as { detail: string }[];
    // The bigram index answers the MATCH (M), each hit is fetched by rowid (=), and nothing is sorted afterwards.
    const steps = plan.map((p) => p.detail).join(' | ');
    expect(steps).toMatch(/^SCAN search_bigrams VIRTUAL TABLE INDEX \d+:M/);
    expect(steps).toMatch(/SCAN s VIRTUAL TABLE INDEX 0:=/);
    expect(steps).not.toMatch(/TEMP B-TREE/);
  });

  it('hits come newest record first, for every kind of term', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => {
      for (let i = 1; i <= 30; i++) indexRecord(tv!.session, doc(String(i).padStart(4, '0'), `请删除 delete 第${i}号`, `body ${i} 个人信息 x`));
    });
    const newest = Array.from({ length: 20 }, (_, k) => String(30 - k).padStart(4, '0'));
    expect(ids('删除')).toEqual(newest);
    expect(ids('delete')).toEqual(newest);
    expect(ids('个人信息')).toEqual(newest);
    expect(ids('x')).toEqual(newest);
    // Re-indexing an old record keeps its place (its number), and the list stays newest first.
    tv.session.tx(() => indexRecord(tv!.session, doc('0001', '请删除 delete 改', 'changed')));
    expect(ids('改')).toEqual(['0001']);
  });

  it('mixes terms: a phrase, a Chinese pair and a scanned letter pair must all be in the record', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => {
      indexRecord(tv!.session, doc('0001', 'Deletion request 删除', 'From the EU office'));
      indexRecord(tv!.session, doc('0002', 'Deletion request', 'From the EU office'));
      indexRecord(tv!.session, doc('0003', 'Deletion request 删除', 'From the CN office'));
      indexRecord(tv!.session, doc('0004', '删除', 'EU'));
    });
    expect(ids('deletion\u0000删除\u0000EU')).toEqual(['0001']);
    expect(ids('删除\u0000EU')).toEqual(['0004', '0001']);
    expect(ids('deletion\u0000EU')).toEqual(['0002', '0001']);
  });

  it('re-indexing and unindexing keep the bigram index in step with the record', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => indexRecord(tv!.session, doc('0001', '请删除')));
    tv.session.tx(() => indexRecord(tv!.session, doc('0001', '请查阅')));
    expect(ids('删除')).toEqual([]);
    expect(ids('查阅')).toEqual(['0001']);
    tv.session.tx(() => unindexRecord(tv!.session, 'inbox', '0001'));
    expect(ids('查阅')).toEqual([]);
    expect((tv.session.db.prepare('SELECT count(*) AS n FROM search_bigrams').get() as { n: number }).n).toBe(0);
  });
});

describe('migration 10', () => {
  it('re-keys an index written before it (newest first) and fills the bigram index from the indexed text', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-search-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations.filter((m) => m.version < 10));
    // Version 2's way of indexing: search_docs' id as the FTS5 rowid.
    const put = (id: number, recordId: string, title: string, body: string) => {
      db!.prepare('INSERT INTO search_docs (id, module, record_id) VALUES (?, ?, ?)').run(id, 'incidents', recordId);
      db!.prepare('INSERT INTO search_index (rowid, module, record_id, ref, title, body) VALUES (?, ?, ?, ?, ?, ?)').run(id, 'incidents', recordId, `INC-${id}`, title, body);
    };
    put(1, 'a', '数据泄露', 'Customer records exposed');
    put(2, 'b', 'Vendor breach', '供应商泄露了手机号');
    put(3, 'c', 'Phishing', 'no Chinese here');
    migrate(db);
    expect(db.prepare('SELECT rowid, record_id FROM search_index ORDER BY rowid').all()).toEqual([
      { rowid: -3, record_id: 'c' },
      { rowid: -2, record_id: 'b' },
      { rowid: -1, record_id: 'a' },
    ]);
    expect(db.prepare(`SELECT rowid FROM search_bigrams WHERE search_bigrams MATCH '"泄露"' ORDER BY rowid`).pluck().all()).toEqual([-2, -1]);
    expect(db.prepare(`SELECT rowid FROM search_index WHERE search_index MATCH '"records"'`).pluck().all()).toEqual([-1]);
  });
});
