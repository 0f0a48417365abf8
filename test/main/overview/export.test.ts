import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, saveGrant } from '../../helpers/exports';
import { pdfPages } from '../../helpers/pdf';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 17: the overview's figures out of the app — one PDF page for a management report and an
// XLSX workbook — with the same numbers overview.figures gives, audited, and refused for a file
// name of the other format.

let tv: TestVault;
afterEach(() => tv?.cleanup());

async function seed() {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
  await tv.ok('incidents.create', { title: 'Leak', discoveredAt: '2026-11-28T02:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  await tv.ok('incidents.create', { title: 'Small', discoveredAt: '2026-10-20T02:00:00.000Z', individualsAffected: 50, jurisdictions: ['CN'] });
}

async function exportAs(format: 'pdf' | 'xlsx', language: 'zh-CN' | 'en') {
  const grant = await saveGrant(tv, `overview-${language}.${format}`);
  const job = await tv.ok('overview.export', { format, language, grantId: grant.grantId, period: { kind: 'quarter' } });
  const end = await finished(tv, job);
  expect([end.state, end.error]).toEqual(['done', null]);
  return readFileSync(grant.path);
}

describe('overview export', () => {
  it('XLSX: a sheet per figure with the figures’ numbers, in Chinese', async () => {
    await seed();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportAs('xlsx', 'zh-CN')) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['说明', '按法域统计的未完成义务', '按季度和网信定级统计的安全事件']));
    const inc = wb.getWorksheet('按季度和网信定级统计的安全事件')!;
    expect(inc.getRow(1).values).toEqual([undefined, '季度', '一般', '较大', '重大', '特别重大', '合计']);
    // This quarter so far: December has not come yet, so the row says which months it counts.
    expect(inc.getRow(2).values).toEqual([undefined, '2026年第四季度 (2026年10月, 2026年11月)', 1, 1, 0, 0, 2]);
    const actions = tv.session.db.prepare("SELECT action FROM audit_log WHERE action = 'overview.export'").pluck().all();
    expect(actions).toHaveLength(1);
  });

  it('PDF: one page with the title, the period and the incident figures, in English', async () => {
    await seed();
    const pages = await pdfPages(await exportAs('pdf', 'en'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Privacy programme overview');
    expect(pages[0]).toContain('Q4 2026');
    expect(pages[0]).toContain('Incidents per quarter by CAC grade');
  });

  it('a file name of the other format is refused, and nothing is written', async () => {
    await seed();
    const grant = await saveGrant(tv, 'overview.xlsx');
    const r = await tv.call('overview.export', { format: 'pdf', language: 'en', grantId: grant.grantId });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { grantId: 'Choose a .pdf file name for this format' } } });
  });
});
