import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Language } from '../../preload/contract/common';
import type { JobInfo } from '../../preload/contract/jobs';
import type { OverviewFigures, overviewChannels } from '../../preload/contract/overview';
import { instantText } from '../exports/cells';
import { ExportFile } from '../exports/file-output';
import { renderOverviewPdf, type OverviewPage, type PdfTable } from '../exports/overview-pdf';
import { getSettings } from '../settings/service';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { figureTables, OVERVIEW_TITLE, pickText, type Cell, type FigureTable } from './report';
import { overviewFigures } from './service';

// The overview's figures out of the app (issue 17): one PDF page for a management report, or an
// XLSX workbook with a sheet per figure — both from the same tables, as a session job writing
// to an `export` grant (temporary name, renamed when complete), audited.

type Input = z.output<(typeof overviewChannels)['overview.export']['input']>;

const cellText = (c: Cell, type: FigureTable['columns'][number]['type'], language: Language): string => {
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  if (type === 'percent') return `${c.toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
  return c.toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 });
};

const COLORS = { overdue: '#c62828', dueSoon: '#ef8f00', open: '#1565c0' };

/** The page: the figures' tables in two columns, the next 30 days as bars. */
export function overviewPage(f: OverviewFigures, organisation: string, language: Language, generatedAt: string): OverviewPage {
  const tables = figureTables(f, language);
  const pdf = (t: FigureTable, widths: number[]): PdfTable => ({
    title: pickText(t.title, language),
    columns: t.columns.map((c, i) => ({ header: pickText(c.header, language), numeric: c.type !== 'text', width: widths[i] ?? 1 })),
    rows: t.rows.map((r) => r.map((c, i) => cellText(c, t.columns[i].type, language))),
    total: t.total?.map((c, i) => cellText(c, t.columns[i].type, language)),
    note: t.note ? pickText(t.note, language) : undefined,
  });
  const by = (key: FigureTable['key']) => tables.find((t) => t.key === key)!;
  const obligations = { ...pdf(by('obligations'), [3, 1.3, 1.3, 1.3]), bars: f.obligations.byRegime.map((r) => [{ value: r.overdue, color: COLORS.overdue }, { value: r.dueSoon, color: COLORS.dueSoon }, { value: r.open, color: COLORS.open }]) };
  const incidents = pdf(by('incidents'), [3, 1.2, 1.2, 1.2, 1.2, 1.2]);
  // Transfers: the filing states no transfer is in are left out, so the row fits the column.
  const tr = by('transfers');
  const used = tr.columns.map((_, i) => i < 2 || (tr.total?.[i] ?? 0) !== 0);
  const transfers = pdf({ ...tr, columns: tr.columns.filter((_, i) => used[i]), rows: tr.rows.filter((r) => (r[1] as number) > 0).map((r) => r.filter((_, i) => used[i])), total: tr.total?.filter((_, i) => used[i]) }, [3, 1, ...Array(8).fill(1.3)]);
  const requests = pdf(by('requests'), [1.8, 1, 1, 1, 1, 1.3]);
  const thresholds = pdf(by('thresholds'), [4, 1.4, 1.4, 0.8]);
  const timeline = by('timeline');
  const zone = f.timeline.zone;
  return {
    title: `${pickText(OVERVIEW_TITLE, language)} · ${pickText(f.period.label, language)}`,
    subtitle:
      language === 'zh-CN'
        ? `${organisation} · 统计期间 ${pickText(f.period.label, language)}（按北京时间统计月份和季度）· 生成于 ${instantText(generatedAt, zone)}（${zone}）`
        : `${organisation} · Period ${pickText(f.period.label, language)} (months and quarters in Beijing time) · generated at ${instantText(generatedAt, zone)} (${zone})`,
    footer: language === 'zh-CN' ? 'DPO Workstation · 数字为生成时的统计结果；明细见各登记簿。' : 'DPO Workstation · Figures as at the time generated; the registers hold the detail.',
    left: [obligations, incidents, transfers],
    right: [requests, thresholds],
    strip: {
      title: pickText(timeline.title, language),
      days: f.timeline.days.map((d) => ({ label: d.date.slice(5), value: d.total })),
      note: `${pickText({ en: `${f.timeline.total} clocks due in the next 30 days`, zh: `未来30天共有 ${f.timeline.total} 个期限到期` }, language)} · ${pickText(timeline.note!, language)}`,
    },
  };
}

/** One sheet per figure: a bold frozen header, numbers as numbers, percentages as percentages. */
export async function overviewWorkbook(f: OverviewFigures, organisation: string, language: Language, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DPO Workstation';
  const about = wb.addWorksheet(language === 'zh-CN' ? '说明' : 'About');
  about.columns = [{ width: 28 }, { width: 60 }];
  const zone = f.timeline.zone;
  for (const [k, v] of [
    [pickText(OVERVIEW_TITLE, language), organisation],
    [language === 'zh-CN' ? '统计期间' : 'Period', pickText(f.period.label, language)],
    [language === 'zh-CN' ? '月份和季度' : 'Months and quarters', language === 'zh-CN' ? '按北京时间统计' : 'counted in Beijing time'],
    [language === 'zh-CN' ? '生成时间' : 'Generated at', `${instantText(generatedAt, zone)} (${zone})`],
  ]) about.addRow([k, v]);
  about.getColumn(1).font = { bold: true };
  for (const t of figureTables(f, language)) {
    const sheet = wb.addWorksheet(pickText(t.title, language).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c, i) => ({ header: pickText(c.header, language), key: String(i), width: i === 0 ? 34 : 14, style: c.type === 'percent' ? { numFmt: '0.0"%"' } : c.type === 'number' ? { numFmt: '#,##0.##' } : {} }));
    sheet.getRow(1).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r);
    if (t.total) sheet.addRow(t.total).font = { bold: true };
    if (t.note) sheet.addRow([pickText(t.note, language)]).font = { italic: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function startOverviewExport(session: Session, input: Input): JobInfo {
  const file = session.files.resolve(input.grantId, { purpose: 'export', modes: ['save'], field: 'grantId' });
  if (!file.name.toLowerCase().endsWith(`.${input.format}`)) throw invalid({ grantId: problem('fileExtension', { ext: input.format }) });
  // The figures are read now, in one go: the file shows the programme as it was at this instant.
  const figures = overviewFigures(session, { period: input.period, zone: input.zone });
  const settings = getSettings(session);
  const organisation = input.language === 'en' && settings.profile.legalNameEn ? settings.profile.legalNameEn : settings.profile.legalName;
  const generatedAt = session.now().toISOString();
  const out = new ExportFile(file, randomUUID());
  return session.jobs.start({
    kind: `overview.export.${input.format}`,
    subject: pickText(figures.period.label, input.language),
    discard: () => out.discard(),
    run: async (ctx) => {
      ctx.progress(0, 1);
      const bytes = input.format === 'pdf' ? await renderOverviewPdf(overviewPage(figures, organisation, input.language, generatedAt), input.language) : await overviewWorkbook(figures, organisation, input.language, generatedAt);
      if (ctx.signal.aborted) return null;
      await out.write(bytes);
      const written = await out.finish();
      ctx.progress(1, 1);
      session.tx(() =>
        session.audit.append({
          action: 'overview.export',
          entity: 'export',
          summary: `Overview ${figures.period.label.en} exported as ${input.format.toUpperCase()} to ${written.name}`,
          details: { format: input.format, language: input.language, period: figures.period, fileName: written.name, sha256: written.sha256, bytes: written.bytes },
        }),
      );
      return { fileName: written.name, sha256: written.sha256, bytes: written.bytes };
    },
  });
}
