import type { Language } from '../../preload/contract/common';
import type { MergeFormat } from '../../preload/contract/notices';
import { smsInfo } from './channel-rules';
import { compileBase64, fillBase64, fillBase64Parts } from './base64-template';
import { compileSkeleton, fillSkeleton, subjectHeader, toHeader } from './eml';
import { mailDomain, renderStrict, type Loaded } from './export-service';
import { csvField, mboxFromLine } from './merge-rules';
import { escapeHtml, htmlBody } from './render';
import { compileText, fillCompiled, type CompiledText } from './rules';

/** A body in base64: encoded once when it has no recipient field, else filled per recipient. */
function base64Of(c: CompiledText, eol: string): (values: () => Record<string, string>) => string[] {
  const template = compileBase64(c.literals, c.fields, eol);
  const once = c.fields.length === 0 ? [fillBase64(template, {})] : null;
  return (values) => once ?? fillBase64Parts(template, values());
}

export type Compose = (row: Record<string, string | undefined>, line: number) => { name: string; content: string | string[] };

/**
 * Builds the per-recipient writer of a merge run. Everything that does not depend on the
 * recipient (skeleton, headers, bodies without recipient fields) is made once; only what does
 * is filled per row, which is what keeps a million-recipient run streaming at speed.
 */
export async function makeComposer(l: Loaded, language: Language, format: MergeFormat, mergeColumns: string[], date: Date, jobId: string): Promise<Compose> {
  const rendered = renderStrict(l, language, undefined, true);
  // The field values of one message, in two objects reused from message to message (the writer
  // copies every piece before the next row is read): no per-message garbage for them.
  const keys = mergeColumns.map((c) => `recipient.${c}`);
  const plainValues = Object.create(null) as Record<string, string>;
  const htmlValues = Object.create(null) as Record<string, string>;
  const values = (row: Record<string, string | undefined>, escape: boolean) => {
    const v = escape ? htmlValues : plainValues;
    for (let i = 0; i < mergeColumns.length; i++) {
      const value = row[mergeColumns[i]] ?? '';
      v[keys[i]] = escape ? escapeHtml(value) : value;
    }
    return v;
  };
  // A field-free text compiles to one literal: fill returns it unchanged at no cost.
  const cached = (c: CompiledText, encode: (s: string) => string) => {
    const once = c.fields.length === 0 ? encode(c.literals[0]) : null;
    return (v: Record<string, string>) => once ?? encode(fillCompiled(c, v));
  };

  if (format === 'smsText' || format === 'pushText') {
    const sms = compileText(rendered.sms);
    const title = compileText(rendered.pushTitle);
    const body = compileText(rendered.pushBody);
    return (row, line) => {
      const v = values(row, false);
      if (format === 'smsText') {
        const text = fillCompiled(sms, v);
        return { name: '', content: `${line},${csvField(row.phone ?? '')},${smsInfo(text).segments},${csvField(text)}\r\n` };
      }
      return { name: '', content: `${line},${csvField(row.userId ?? '')},${csvField(fillCompiled(title, v))},${csvField(fillCompiled(body, v))}\r\n` };
    };
  }

  // mbox lines end in LF (local convention of mbox readers); a lone .eml keeps CRLF (RFC 5322).
  const eol = format === 'mbox' ? '\n' : '\r\n';
  const p = l.ctx.profile;
  const skeleton = await compileSkeleton({ name: p.legalName, address: p.dpoEmail }, date, eol);
  const subject = cached(compileText(rendered.subject), (s) => subjectHeader(s, eol));
  const text = base64Of(compileText(rendered.text), eol);
  const html = base64Of(compileText(htmlBody(rendered, language)), eol);
  const domain = mailDomain(p.dpoEmail);
  const idBase = `${l.row.ref}.v${l.version.version}.${jobId.slice(0, 8)}`;
  // Bodies are base64, so no body line can begin with "From " and need mboxrd quoting.
  const from = `${mboxFromLine(date)}\n`;
  return (row, line) => {
    const v = values(row, false);
    const fill = {
      to: toHeader({ name: row.name ?? '', address: row.email!.trim() }, eol),
      subject: subject(v),
      messageId: `<${idBase}.${line}@${domain}>`,
      text: text(() => v),
      // User text in the HTML part is escaped, recipient columns included.
      html: html(() => values(row, true)),
    };
    const message = fillSkeleton(skeleton, fill, format === 'mbox' ? from : '');
    if (format === 'mbox') {
      message.push('\n');
      return { name: '', content: message };
    }
    return { name: `${String(line).padStart(7, '0')}.eml`, content: message };
  };
}
