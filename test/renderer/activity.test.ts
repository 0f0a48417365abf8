import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Registry from '../../renderer/components/activity';
import { makeTestVault, type TestVault } from '../helpers/vault';

let tv: TestVault | undefined;
afterAll(() => tv?.cleanup());

// The renderer's modules expect a browser; the little of one they touch at import is stubbed.
let isRegistered: typeof Registry.isRegistered;
let renderActivity: typeof Registry.renderActivity;
beforeAll(async () => {
  vi.stubGlobal('window', { location: { hash: '' }, history: { pushState() {} }, addEventListener() {} });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem() {} });
  vi.stubGlobal('navigator', { languages: ['en'], language: 'en' });
  ({ isRegistered, renderActivity } = await import('../../renderer/components/activity'));
  await import('../../renderer/app/activity');
});

/** Every audit action main appends, read from the source: `action: 'x.y'` and `action: c ? 'x.a' : 'x.b'`. */
function appendedActions(dir = 'main'): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const a of appendedActions(path)) found.add(a);
      continue;
    }
    if (!name.endsWith('.ts')) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const m = line.match(/\baction: ([^,]*)/);
      if (!m) continue;
      for (const q of m[1].matchAll(/'([a-z]+\.[a-zA-Z]+)'/g)) found.add(q[1]);
    }
  }
  return [...found].sort();
}

describe('the activity registry (audit log, timelines, history in the UI language)', () => {
  const actions = appendedActions();

  it('finds the actions main appends (the scan itself works)', () => {
    expect(actions).toContain('incidents.create');
    expect(actions).toContain('vault.backup');
    expect(actions).toContain('records.void');
    expect(actions.length).toBeGreaterThan(60);
  });

  it('has a message for every action main appends, so no screen falls back to the stored English line', () => {
    expect(actions.filter((a) => !isRegistered(a))).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('renders every action in %s without the code or the stored line, even from sparse parameters', (lang) => {
    for (const action of actions) {
      const text = renderActivity({ action, ref: 'INC-2026-0001', params: {}, summary: 'STORED LINE' }, lang);
      expect(text, action).not.toBe('STORED LINE');
      expect(text, action).not.toContain(action);
    }
  });

  it('renders what a working session wrote to the audit log in Chinese, with no code or English line', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { dueSoonHours: 24 });
    const inc = await tv.ok('incidents.create', { title: '客服数据库暴露', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    await tv.ok('incidents.markObligation', { id: inc.id, key: 'pipl57.authority', state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'BJ-CAC-0099' });
    await tv.ok('incidents.addNote', { id: inc.id, text: '已隔离' });
    await tv.ok('incidents.transition', { id: inc.id, to: 'assessing' });
    const up = await tv.ok('attachments.beginUpload', { owner: { module: 'incidents', recordId: inc.id }, role: 'evidence', name: '截图.txt', size: 3 });
    await tv.ok('attachments.uploadChunk', { uploadId: up.uploadId, index: 0, data: Buffer.from('abc').toString('base64') });
    const file = await tv.ok('attachments.finishUpload', { uploadId: up.uploadId });
    await tv.ok('attachments.remove', { id: file.id, reason: '传错了文件' });
    const entries = (await tv.ok('audit.list', { limit: 100 })).items;
    expect(entries.length).toBeGreaterThan(7);
    for (const e of entries) {
      const text = renderActivity({ action: e.action, ref: e.ref, params: e.params, entityId: e.entityId, summary: e.summary }, 'zh-CN');
      expect(text, e.action).toMatch(/[\u4e00-\u9fff]/);
      expect(text, e.action).not.toBe(e.summary);
      // No raw code: an action name, or a state/type key the messages look up (s_…, t_…, g_…).
      expect(text, e.action).not.toMatch(/\b[a-z]+\.[a-z][a-zA-Z]+\b|\b[stg]_[a-zA-Z]+/);
    }
  });
});
