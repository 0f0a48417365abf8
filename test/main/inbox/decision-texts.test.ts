import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13: a decision's actions taken and refusal reasons are typed once, in either language,
// with an optional translation; the reply prints each language's version, and where one is
// missing prints the typed text with a checklist warning naming the field.

let tv: TestVault | undefined;
afterEach(() => tv?.cleanup());

async function request() {
  return tv!.ok('inbox.create', { channel: 'email', requester: { name: '张三', contact: 'zhang@example.cn' }, jurisdiction: 'CN', type: 'deletion', subject: '请删除我的数据' });
}

const text = async (id: string, language: 'zh-CN' | 'en') => (await tv!.ok('notices.preview', { id, channel: 'letter', language })).text;

describe('a decision typed once, with an optional translation', () => {
  it('prints the refusal reasons in each language; a missing translation prints the typed text and the checklist says so', async () => {
    tv = await makeTestVault();
    const r = await request();
    const decided = await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: '订单信息须依法保存三年。' });
    expect(decided.decision?.refusalReasons).toEqual({ zh: '订单信息须依法保存三年。', en: '' });
    const draft = await tv.ok('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: r.id }] });
    const n = await tv.ok('notices.update', { id: draft.id, languages: ['zh-CN', 'en'] });
    expect(n.checklist.textFallbacks.map((f) => [f.language, f.name, f.label.en])).toEqual([['en', 'request.refusalReasons', 'Reasons for the refusal']]);
    expect(await text(n.id, 'en')).toContain('订单信息须依法保存三年。');

    await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: { zh: '订单信息须依法保存三年。', en: 'Order records must be kept for three years by law.' } });
    const after = await tv.ok('notices.get', { id: n.id });
    expect(after.checklist.textFallbacks).toEqual([]);
    expect(await text(n.id, 'en')).toContain('Order records must be kept for three years by law.');
    expect(await text(n.id, 'en')).not.toContain('订单信息');
    expect(await text(n.id, 'zh-CN')).toContain('订单信息须依法保存三年。');
  });

  it('the reply’s decision text follows what was done: typed in English, the Chinese reply prints it with a warning naming “Actions taken”', async () => {
    tv = await makeTestVault();
    const r = await request();
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'accountLogin', outcome: 'verified' } as never);
    await tv.ok('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'Account data deleted on 1 December.' });
    const n = await tv.ok('notices.create', { kind: 'reply', language: 'zh-CN', links: [{ module: 'inbox', recordId: r.id }] });
    const warned = n.checklist.textFallbacks.map((f) => [f.language, f.name, f.label.zh]);
    expect(warned).toEqual([['zh-CN', 'request.decisionText', '已采取的措施']]);
    expect(await text(n.id, 'zh-CN')).toContain('Account data deleted on 1 December.');
    await tv.ok('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: { zh: '已于12月1日删除账户数据。', en: 'Account data deleted on 1 December.' } });
    expect((await tv.ok('notices.get', { id: n.id })).checklist.textFallbacks).toEqual([]);
    expect(await text(n.id, 'zh-CN')).toContain('已于12月1日删除账户数据。');
  });

  it('refuses malformed or empty reasons with VALIDATION naming the field, and writes nothing', async () => {
    tv = await makeTestVault();
    const r = await request();
    const cases: [unknown, string][] = [
      [{ zh: 3, en: '' }, 'refusalReasons'],
      [{ en: 'only one key' }, 'refusalReasons'],
      ['x'.repeat(100_001), 'refusalReasons'],
      [{ zh: ' ', en: '' }, 'refusalReasons'],
    ];
    for (const [refusalReasons, field] of cases) {
      const res = await tv.call('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons } as never);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION');
        expect(Object.keys(res.error.fields ?? {})).toEqual([field]);
      }
    }
    expect((await tv.ok('inbox.get', { id: r.id })).decision).toBeNull();
  });
});

describe('inbox migration 540', () => {
  it('turns the stored decision texts into pairs filed by their script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-inbox-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    try {
      migrate(db, allMigrations.filter((m) => m.version < 540));
      const insert = db.prepare(
        `INSERT INTO inbox_requests (id, ref, ref_year, ref_seq, channel, received_at, requester_name, requester_contact, jurisdiction, type, subject, state, is_open, due_at, created_at, updated_at, decision_outcome, decision_actions, refusal_reasons)
         VALUES (?, ?, 2026, ?, 'email', '2026-11-01T00:00:00.000Z', 'n', 'c', 'CN', 'access', 's', 'inProgress', 1, '2026-11-20T00:00:00.000Z', 'x', 'x', ?, ?, ?)`,
      );
      insert.run('r1', 'REQ-1', 1, 'partlyFulfilled', 'Profile deleted', '交易记录须保存三年');
      insert.run('r2', 'REQ-2', 2, 'refused', '', 'Trade secrets');
      insert.run('r3', 'REQ-3', 3, null, null, null);
      allMigrations.find((m) => m.version === 540)!.up(db);
      const rows = db.prepare('SELECT id, decision_actions AS a, refusal_reasons AS r FROM inbox_requests ORDER BY id').all();
      expect(rows).toEqual([
        { id: 'r1', a: JSON.stringify({ zh: '', en: 'Profile deleted' }), r: JSON.stringify({ zh: '交易记录须保存三年', en: '' }) },
        { id: 'r2', a: JSON.stringify({ zh: '', en: '' }), r: JSON.stringify({ zh: '', en: 'Trade secrets' }) },
        { id: 'r3', a: null, r: null },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
