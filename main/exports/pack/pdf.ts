import PDFDocument from 'pdfkit';
import type { PackLanguage } from '../../../preload/contract/exports';
import type { Localized } from '../model';
import { cjkFont } from './font';

// A case report as a PDF (pdfkit, the bundled CJK font subset into the file). The report is
// data: sections of labelled fields, tables and paragraphs whose texts are given in both
// languages; the language the DPO chose decides what is printed (one, or both side by side).

export type Text = string | Localized;

export type Block =
  | { kind: 'fields'; rows: [Localized, Text | null][] }
  | { kind: 'table'; columns: { header: Localized; width: number }[]; rows: Text[][]; empty: Localized }
  | { kind: 'paragraph'; text: Text }
  | { kind: 'note'; text: Text };

export interface Section {
  heading: Localized;
  blocks: Block[];
}

export interface Report {
  title: Localized;
  /** The record's reference and title, printed under the title. */
  subject: string;
  /** The record's reference, printed in every footer. */
  reference: string;
  sections: Section[];
}

export interface RenderOptions {
  language: PackLanguage;
  /** "generated at …" text in the chosen language(s), printed on every page. */
  generatedAt: Localized;
}

const PAGE = { size: 'A4' as const, margin: 50 };
const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const RULE = '#c8c8c8';

/** The CJK font's curly quotes are full-width; in Latin text they would leave gaps ("Minors’  PI"). */
const latin = (s: string): string => s.replace(/(?<=[A-Za-z])[’‘](?=[A-Za-z\s])/g, "'");

/** The text of a value in the report's language: both, one under the other, when bilingual. */
export function say(t: Text | null | undefined, language: PackLanguage): string {
  if (t === null || t === undefined) return '—';
  if (typeof t === 'string') return t === '' ? '—' : latin(t);
  if (language === 'zh-CN') return t.zh || latin(t.en) || '—';
  if (language === 'en') return latin(t.en) || t.zh || '—';
  return t.zh === t.en ? t.zh : `${t.zh}\n${latin(t.en)}`;
}

/** A label: "中文 English" on one line when bilingual. */
function label(t: Localized, language: PackLanguage): string {
  if (language === 'zh-CN') return t.zh;
  if (language === 'en') return latin(t.en);
  return t.zh === t.en ? t.zh : `${t.zh}  ${latin(t.en)}`;
}

export async function renderPdf(report: Report, options: RenderOptions): Promise<Buffer> {
  const { language } = options;
  // font: null — no standard font is loaded; every glyph comes from the bundled CJK font.
  const doc = new PDFDocument({ size: PAGE.size, margin: PAGE.margin, bufferPages: true, font: null as unknown as string, info: { Title: `${label(report.title, language)} ${report.subject}`, Creator: 'DPO Workstation' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const bottom = () => doc.page.height - PAGE.margin - 24;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.fillColor(INK).fontSize(18).text(label(report.title, language), left, doc.y, { width });
  doc.moveDown(0.2).fontSize(12).fillColor(MUTED).text(report.subject, { width });
  doc.moveDown(0.8);

  for (const section of report.sections) {
    ensure(60);
    doc.moveDown(0.4).fillColor(INK).fontSize(13).text(label(section.heading, language), left, doc.y, { width });
    const y = doc.y + 2;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + 6;
    for (const block of section.blocks) renderBlock(doc, block, language, left, width, ensure);
  }

  // Footer on every page: the record, when the report was made, page n of N.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = doc.page.height - PAGE.margin + 6;
    const page = { en: `Page ${i + 1} of ${range.count}`, zh: `第 ${i + 1} 页，共 ${range.count} 页` };
    const text =
      language === 'bilingual'
        ? `${report.reference} · ${options.generatedAt.zh} · ${options.generatedAt.en} · ${page.zh} · ${page.en}`
        : `${report.reference} · ${say(options.generatedAt, language)} · ${say(page, language)}`;
    // Below the bottom margin: pdfkit would start a new page for text there unless told not to wrap.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.fontSize(7).fillColor(MUTED).text(text, left, y, { width, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

type Doc = InstanceType<typeof PDFDocument>;

function renderBlock(doc: Doc, block: Block, language: PackLanguage, left: number, width: number, ensure: (h: number) => void): void {
  doc.fillColor(INK);
  if (block.kind === 'paragraph' || block.kind === 'note') {
    const text = say(block.text, language);
    doc.fontSize(block.kind === 'note' ? 8.5 : 9.5).fillColor(block.kind === 'note' ? MUTED : INK);
    ensure(doc.heightOfString(text, { width }) + 4);
    doc.text(text, left, doc.y, { width });
    doc.moveDown(0.4);
    return;
  }
  if (block.kind === 'fields') {
    const labelWidth = Math.round(width * (language === 'bilingual' ? 0.36 : 0.3));
    const valueWidth = width - labelWidth - 8;
    for (const [name, value] of block.rows) {
      const l = label(name, language);
      const v = say(value, language);
      doc.fontSize(9);
      const h = Math.max(doc.heightOfString(l, { width: labelWidth }), doc.heightOfString(v, { width: valueWidth })) + 3;
      ensure(h);
      const y = doc.y;
      doc.fillColor(MUTED).text(l, left, y, { width: labelWidth });
      doc.fillColor(INK).text(v, left + labelWidth + 8, y, { width: valueWidth });
      doc.y = y + h;
    }
    doc.moveDown(0.4);
    return;
  }
  // table
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * width);
  const pad = 3;
  const row = (cells: string[], head: boolean) => {
    doc.fontSize(8);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    ensure(h);
    const y = doc.y;
    if (head) doc.rect(left, y, width, h).fill('#efefef');
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor(head ? MUTED : INK).text(c, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.3).strokeColor(RULE).stroke();
    doc.y = y + h;
  };
  row(block.columns.map((c) => label(c.header, language)), true);
  if (block.rows.length === 0) {
    doc.fontSize(8.5).fillColor(MUTED).text(say(block.empty, language), left + pad, doc.y + pad, { width });
    doc.moveDown(0.3);
  }
  for (const r of block.rows) row(r.map((c) => say(c, language)), false);
  doc.moveDown(0.6);
}
