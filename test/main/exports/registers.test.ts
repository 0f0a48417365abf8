import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instantText } from '../../../main/exports/cells';
import { finished, saveGrant } from '../../helpers/exports';
import { TEST_PASSPHRASE, makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

async function seed() {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
  const big = await tv.ok('incidents.create', {
    title: '用户数据泄露事件',
    discoveredAt: '2026-11-28T10:00:00+08:00',
    individualsAffected: 2_000_000,
    jurisdictions: ['CN'],
  });
  const small = await tv.ok('incidents.create', { title: '=HYPERLINK("http://evil")', discoveredAt: '2026-11-27T09:00:00+08:00', individualsAffected: 12, jurisdictions: ['CN', 'EU'] });
  return { big, small };
}

async function exportTo(name: string, input: Record<string, unknown>) {
  const grant = await saveGrant(tv, name);
  const job = await tv.ok('exports.register', { ...input, grantId: grant.grantId } as never);
  const end = await finished(tv, job);
  expect(end.error).toBeNull();
  expect(end.state).toBe('done');
  return { path: grant.path, end };
}

const csvLines = (path: string) => readFileSync(path, 'utf8').split('\r\n');

describe('register exports: CSV', () => {
  it('incidents in the list’s sort, with a BOM, Chinese headers, the obligations’ due dates, and a formula cell neutralised', async () => {
    const { big } = await seed();
    const { path, end } = await exportTo('incidents.csv', { register: 'incidents', format: 'csv', language: 'zh-CN', filter: { sort: 'discovered' } });
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, first, second] = csvLines(path);
    expect(header).toMatch(/^\ufeff编号,标题,状态,定级,计算定级/);
    expect(header).toContain('向网信部门报告：期限（Asia/Shanghai）');
    // Newest discovery first, as the list sorts it.
    expect(first).toMatch(/^INC-2026-0001,用户数据泄露事件,已发现,较大,较大/);
    const cacDue = big.obligations.find((o) => o.key === 'cac.report')!.dueAt!;
    expect(first).toContain(instantText(cacDue));
    expect(second.startsWith(`INC-2026-0002,"'=HYPERLINK(""http://evil"")"`)).toBe(true);
    expect(end.result).toMatchObject({ rows: 2, fileName: 'incidents.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The export is in the audit log, with the file's hash.
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry.action).toBe('exports.register');
  });

  it('applies the list’s filters', async () => {
    await seed();
    const { path } = await exportTo('eu.csv', { register: 'incidents', format: 'csv', language: 'en', filter: { jurisdiction: 'EU', sort: 'discovered' } });
    const lines = csvLines(path).filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\ufeffReference,Title,State,Grade/);
    expect(lines[1]).toMatch(/^INC-2026-0002,/);
  });

  it('every register exports (notices, transfers, requests, deadlines, audit) with its headers', async () => {
    await seed();
    await tv.ok('transfers.create', { recipient: { name: 'Acme Analytics Inc.', country: 'US' } });
    await tv.ok('inbox.create', { subject: '请删除我的账户', requester: { name: '王芳', contact: 'wang@example.cn' }, type: 'deletion', channel: 'email', jurisdiction: 'CN' });
    const expectations: [string, RegExp][] = [
      ['notices', /^\ufeffReference,Kind,Language,State,Version,Subject/],
      ['transfers', /^\ufeffReference,Overseas recipient,Country\/region/],
      ['requests', /^\ufeffReference,Subject,Requester,Type,State/],
      ['deadlines', /^\ufeffRecord,Record title,Module,Obligation,Legal basis/],
      ['audit', /^\ufeffSeq,Time \(Asia\/Shanghai\),Actor,Action/],
    ];
    for (const [register, header] of expectations) {
      const { path } = await exportTo(`${register}.csv`, { register, format: 'csv', language: 'en' });
      expect(csvLines(path)[0]).toMatch(header);
    }
    expect(readFileSync(`${dirname((await saveGrant(tv, 'x.csv')).path)}/requests.csv`, 'utf8')).toContain('请删除我的账户');
    expect(readFileSync(`${dirname((await saveGrant(tv, 'y.csv')).path)}/transfers.csv`, 'utf8')).toContain('Acme Analytics Inc.');
    expect(readFileSync(`${dirname((await saveGrant(tv, 'z.csv')).path)}/deadlines.csv`, 'utf8')).toContain('INC-2026-0001');
  });

  it('refuses a file name of the other format, naming the field, and starts nothing', async () => {
    await seed();
    const grant = await saveGrant(tv, 'incidents.xlsx');
    const r = await tv.call('exports.register', { register: 'incidents', format: 'csv', grantId: grant.grantId });
    expect(r.ok ? null : r.error.fields).toEqual({ grantId: 'Choose a .csv file name for this format' });
    expect(await tv.ok('jobs.list', {})).toEqual([]);
    const bad = await tv.call('exports.register', { register: 'nope', format: 'csv', grantId: grant.grantId } as never);
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
  });
});

describe('register exports: XLSX', () => {
  it('reads back with exceljs: typed date and number cells, Chinese text, frozen header, widths', async () => {
    const { big } = await seed();
    const { path } = await exportTo('incidents.xlsx', { register: 'incidents', format: 'xlsx', language: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('安全事件台账');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['编号', '标题', '状态']);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe('用户数据泄露事件');
    // Discovered: an Excel date holding the Beijing wall-clock time.
    const discovered = row.getCell(7).value as Date;
    expect(discovered).toBeInstanceOf(Date);
    expect(discovered.toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(row.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(8).value).toBe(2_000_000);
    expect(typeof row.getCell(8).value).toBe('number');
    expect(sheet.getColumn(2).width).toBe(40);
    expect(sheet.rowCount).toBe(3);
    void big;
    // A formula-looking title is a string, never a formula, in XLSX.
    expect(sheet.getRow(3).getCell(2).value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('register exports: long work', () => {
  async function manyEntries(n: number) {
    tv.session.tx(() => {
      for (let i = 0; i < n; i++) tv.session.audit.append({ action: 'bench', entity: 'x', summary: `entry ${i}` });
    });
  }

  it('reports progress and, cancelled, leaves no file', async () => {
    await seed();
    await manyEntries(20_000);
    const grant = await saveGrant(tv, 'audit.csv');
    const job = await tv.ok('exports.register', { register: 'audit', format: 'csv', grantId: grant.grantId });
    expect(job.state).toBe('running');
    await new Promise((r) => setTimeout(r, 5));
    await tv.ok('jobs.cancel', { jobId: job.jobId });
    const end = await finished(tv, job);
    expect(end.state).toBe('cancelled');
    expect(end.cancelledBy).toBe('user');
    expect(existsSync(grant.path)).toBe(false);
    expect(readdirSync(dirname(grant.path))).toEqual([]);
  });

  it('a lock cancels it, removes the partial file, and says so after the next unlock', async () => {
    await seed();
    await manyEntries(20_000);
    const grant = await saveGrant(tv, 'audit.xlsx');
    const job = await tv.ok('exports.register', { register: 'audit', format: 'xlsx', grantId: grant.grantId });
    tv.vault.lock();
    await tv.vault.unlock({ passphrase: TEST_PASSPHRASE });
    const end = await tv.ok('jobs.status', { jobId: job.jobId });
    expect(end).toMatchObject({ state: 'cancelled', cancelledBy: 'lock' });
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dirname(grant.path))).toEqual([]);
  });
});
