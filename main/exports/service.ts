import { randomUUID } from 'node:crypto';
import type { Language } from '../../preload/contract/common';
import type { JobInfo } from '../../preload/contract/jobs';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { csvValue } from './cells';
import { csvRows, CSV_BOM } from './csv';
import { ExportFile } from './file-output';
import type { RegisterSource } from './model';
import { pick } from './model';
import { headerText, XlsxSheetWriter } from './xlsx';

export interface RegisterExportRequest<F> {
  register: string;
  source: RegisterSource<F, unknown>;
  filter: F;
  format: 'csv' | 'xlsx';
  language: Language;
  grantId: string;
}

/**
 * A register as CSV or XLSX, as a session job: rows are read page by page from the module's
 * list query and streamed to a temporary file beside the chosen one, renamed when complete.
 * Cancel (or lock) stops at the next page and removes the partial file. The export is audited.
 */
export function startRegisterExport<F>(session: Session, req: RegisterExportRequest<F>): JobInfo {
  const file = session.files.resolve(req.grantId, { purpose: 'export', modes: ['save'], field: 'grantId' });
  if (!file.name.toLowerCase().endsWith(`.${req.format}`)) throw invalid({ grantId: problem('fileExtension', { ext: req.format }) });
  const { source, language } = req;
  const total = source.count(session, req.filter);
  const out = new ExportFile(file, randomUUID());
  return session.jobs.start({
    kind: `exports.${req.register}`,
    discard: () => out.discard(),
    run: async (ctx) => {
      ctx.progress(0, total);
      let rows = 0;
      const xlsx = req.format === 'xlsx' ? new XlsxSheetWriter(out.stream, source.sheetName, source.columns, language) : null;
      if (!xlsx) await out.write(CSV_BOM + csvRows([source.columns.map((c) => headerText(c, language))]));
      for (const page of source.pages(session, req.filter)) {
        if (xlsx) xlsx.addRows(page);
        else await out.write(csvRows(page.map((item) => source.columns.map((c) => csvValue(c.type, c.value(item, language))))));
        rows += page.length;
        ctx.progress(rows, total);
        // Between pages the event loop runs (cancel, other calls); a cancel or lock stops here.
        await new Promise((r) => setImmediate(r));
        if (ctx.signal.aborted) return null;
      }
      if (xlsx) await xlsx.finish();
      if (ctx.signal.aborted) return null;
      const written = await out.finish();
      session.tx(() =>
        session.audit.append({
          action: 'exports.register',
          entity: 'export',
          summary: `Register exported: ${pick(source.sheetName, 'en')} as ${req.format.toUpperCase()} (${rows} rows) to ${written.name}`,
          details: { register: req.register, format: req.format, language, filter: req.filter, rows, fileName: written.name, sha256: written.sha256, bytes: written.bytes },
        }),
      );
      return { fileName: written.name, sha256: written.sha256, bytes: written.bytes, rows };
    },
  });
}
