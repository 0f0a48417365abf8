import PDFDocument from 'pdfkit';
import type { Language } from '../../preload/contract/common';
import type { OverviewFigures } from '../../preload/contract/overview';
import type { Localized } from './model';
import { cjkFont } from './pack/font';

// The overview as one landscape A4 page for a management report (issue 17): the evidence packs'
// PDF path (pdfkit, only the bundled CJK font, no standard or system font ever read), laid out
// in two columns. It never runs onto a second page: a table longer than its room says how many
// rows the XLSX export has beyond what is printed.

export interface PdfTable {
  title: string;
  columns: { header: string; numeric: boolean; width: number }[];
  rows: string[][];
  total?: string[];
  note?: string;
  /** Stacked bars drawn after the table's last column: one per row, segments with colours. */
  bars?: { value: number; color: string }[][];
}

export interface OverviewPage {
  title: string;
  subtitle: string;
  footer: string;
  left: PdfTable[];
  right: PdfTable[];
  /** The next 30 days as a strip of bars under the right column. */
  strip: { title: string; days: { label: string; value: number }[]; note: string };
}

const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const RULE = '#c8c8c8';
const HEAD = '#efefef';
const MARGIN = 30;
const ROW = 10.5;
const FONT = 7.2;
const moreText: Localized = { en: '… {n} more rows in the XLSX export', zh: '……另有 {n} 行，见 XLSX 导出' };

type Doc = InstanceType<typeof PDFDocument>;

/** One line, cut with an ellipsis to the width (never wraps, never adds a page). */
function line(doc: Doc, s: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): void {
  doc.text(s, x, y, { width, height: ROW, lineBreak: false, ellipsis: true, align });
}

function drawTable(doc: Doc, t: PdfTable, x: number, y: number, width: number, maxY: number, language: Language): number {
  doc.fillColor(INK).fontSize(9.5);
  line(doc, t.title, x, y, width);
  y += 13;
  const barWidth = t.bars ? Math.round(width * 0.22) : 0;
  const tableWidth = width - barWidth;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * tableWidth);
  const row = (cells: string[], kind: 'head' | 'body' | 'total', bar?: { value: number; color: string }[], barMax = 1) => {
    if (kind === 'head') doc.rect(x, y - 1.5, width, ROW + 1).fill(HEAD);
    doc.fontSize(FONT).fillColor(kind === 'head' ? MUTED : INK);
    let cx = x;
    cells.forEach((c, i) => {
      line(doc, c, cx + 2, y, widths[i] - 4, t.columns[i]?.numeric && kind !== 'head' ? 'right' : t.columns[i]?.numeric ? 'right' : 'left');
      cx += widths[i];
    });
    if (bar && barMax > 0) {
      let bx = x + tableWidth + 4;
      for (const s of bar) {
        const w = ((barWidth - 8) * s.value) / barMax;
        if (w > 0) doc.rect(bx, y + 1, w, ROW - 4).fill(s.color);
        bx += w;
      }
    }
    if (kind === 'total') doc.moveTo(x, y - 1.5).lineTo(x + width, y - 1.5).lineWidth(0.5).strokeColor(MUTED).stroke();
    y += ROW;
    doc.moveTo(x, y - 1.5).lineTo(x + width, y - 1.5).lineWidth(0.25).strokeColor(RULE).stroke();
  };
  row(t.columns.map((c) => c.header), 'head');
  const room = Math.floor((maxY - y - (t.total ? ROW : 0) - (t.note ? ROW : 0)) / ROW);
  const shown = t.rows.length > room ? Math.max(0, room - 1) : t.rows.length;
  const barMax = t.bars ? Math.max(1, ...t.bars.map((b) => b.reduce((s, x) => s + x.value, 0))) : 1;
  t.rows.slice(0, shown).forEach((r, i) => row(r, 'body', t.bars?.[i], barMax));
  if (shown < t.rows.length) {
    doc.fontSize(FONT).fillColor(MUTED);
    line(doc, (language === 'zh-CN' ? moreText.zh : moreText.en).replace('{n}', String(t.rows.length - shown)), x + 2, y, width);
    y += ROW;
  }
  if (t.total) row(t.total, 'total');
  if (t.note) {
    doc.fontSize(6.5).fillColor(MUTED);
    line(doc, t.note, x, y, width);
    y += ROW;
  }
  return y + 8;
}

export async function renderOverviewPdf(page: OverviewPage, language: Language): Promise<Buffer> {
  // font: null — no standard font is loaded; every glyph comes from the bundled CJK font.
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, font: null as unknown as string, info: { Title: page.title, Creator: 'DPO Workstation' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  // Everything is placed by hand inside the page: no automatic page break may start a second page.
  doc.page.margins = { top: 0, left: 0, right: 0, bottom: 0 };
  const W = doc.page.width;
  const H = doc.page.height;
  const innerW = W - 2 * MARGIN;
  doc.fillColor(INK).fontSize(15);
  line(doc, page.title, MARGIN, MARGIN, innerW);
  doc.fontSize(8.5).fillColor(MUTED);
  line(doc, page.subtitle, MARGIN, MARGIN + 19, innerW);
  const top = MARGIN + 36;
  const bottom = H - MARGIN - 14;
  const gap = 18;
  const colW = (innerW - gap) / 2;
  let y = top;
  page.left.forEach((t, i) => {
    // Leave each later table its header, a row and its total.
    const reserve = page.left.slice(i + 1).reduce((s, n) => s + 13 + ROW * (3 + (n.note ? 1 : 0)) + 8, 0);
    y = drawTable(doc, t, MARGIN, y, colW, bottom - reserve, language);
  });
  const stripH = 70;
  y = top;
  const rx = MARGIN + colW + gap;
  page.right.forEach((t, i) => {
    const reserve = page.right.slice(i + 1).reduce((s, n) => s + 13 + ROW * (3 + (n.note ? 1 : 0)) + 8, 0) + stripH;
    y = drawTable(doc, t, rx, y, colW, bottom - reserve, language);
  });
  // The next 30 days: one bar a day, the count above each non-empty day, a date every fifth day.
  const sy = Math.max(y, bottom - stripH);
  doc.fillColor(INK).fontSize(9.5);
  line(doc, page.strip.title, rx, sy, colW);
  const max = Math.max(1, ...page.strip.days.map((d) => d.value));
  const slot = colW / Math.max(1, page.strip.days.length);
  const base = sy + stripH - 18;
  page.strip.days.forEach((d, i) => {
    const h = ((stripH - 40) * d.value) / max;
    const bx = rx + i * slot;
    if (h > 0) doc.rect(bx + 1, base - h, slot - 2, h).fill('#1565c0');
    doc.fontSize(5.5).fillColor(MUTED);
    if (d.value > 0) doc.text(String(d.value), bx - 4, base - h - 7, { width: slot + 8, align: 'center', lineBreak: false });
    if (i % 5 === 0) doc.text(d.label, bx - 6, base + 2, { width: slot * 4, lineBreak: false });
  });
  doc.moveTo(rx, base).lineTo(rx + colW, base).lineWidth(0.3).strokeColor(RULE).stroke();
  doc.fontSize(6.5).fillColor(MUTED);
  line(doc, page.strip.note, rx, base + 9, colW);
  doc.fontSize(7).fillColor(MUTED);
  line(doc, page.footer, MARGIN, H - MARGIN, innerW);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

export type { OverviewFigures };
