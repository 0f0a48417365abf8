import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Language } from '../../preload/contract/common';
import { dateAsExcelDate, EXPORT_ZONE, instantAsExcelDate } from './cells';
import { pick, XLSX_MAX_DATA_ROWS, type CellValue, type Column, type Localized } from './model';

const NUM_FMT: Record<string, string | undefined> = { instant: 'yyyy-mm-dd hh:mm', date: 'yyyy-mm-dd', number: '#,##0' };

/**
 * Streams rows into an .xlsx with exceljs' streaming writer: each row is committed (written
 * out) at once, so memory stays flat. Typed cells (dates are Excel dates, numbers numbers),
 * header row frozen and bold, column widths from the column model.
 */
export class XlsxSheetWriter<T> {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | null = null;
  private sheetRows = 0;
  private sheets = 0;

  constructor(
    stream: Writable,
    private readonly sheetName: Localized,
    private readonly columns: Column<T>[],
    private readonly language: Language,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'DPO Workstation';
  }

  private newSheet(): ExcelJS.Worksheet {
    this.sheet?.commit();
    this.sheets++;
    // Excel refuses sheet names over 31 characters and some punctuation.
    const base = pick(this.sheetName, this.language).replace(/[\\/?*[\]:]/g, ' ').slice(0, 26);
    const sheet = this.workbook.addWorksheet(this.sheets === 1 ? base : `${base} (${this.sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = this.columns.map((c, i) => ({
      key: String(i),
      width: c.width,
      header: headerText(c, this.language),
      style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    this.sheetRows = 0;
    return sheet;
  }

  addRows(items: T[]): void {
    for (const item of items) {
      if (!this.sheet || this.sheetRows >= XLSX_MAX_DATA_ROWS) this.sheet = this.newSheet();
      const values = this.columns.map((c) => xlsxCell(c.type, c.value(item, this.language)));
      this.sheet.addRow(values).commit();
      this.sheetRows++;
    }
  }

  async finish(): Promise<void> {
    if (!this.sheet) this.sheet = this.newSheet();
    this.sheet.commit();
    await this.workbook.commit();
  }
}

export function headerText<T>(c: Column<T>, language: Language): string {
  const h = pick(c.header, language);
  if (c.type !== 'instant') return h;
  return language === 'zh-CN' ? `${h}（${EXPORT_ZONE}）` : `${h} (${EXPORT_ZONE})`;
}

function xlsxCell(type: Column<unknown>['type'], v: CellValue): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (type === 'instant' && typeof v === 'string') return instantAsExcelDate(v) ?? v;
  if (type === 'date' && typeof v === 'string') return dateAsExcelDate(v) ?? v;
  return v;
}
