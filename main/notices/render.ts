import type { Language } from '../../preload/contract/common';
import type { NoticeContent } from '../../preload/contract/notices';
import { CLOSING, OPENING, type KindSpec } from './model';
import { fillMergeFields, isBlank, pick } from './rules';

// Turns a draft into what a channel sends (pure). Waived and empty sections are left out;
// headings print only for kinds whose law sets them (the CA notice) or that read as reports.

export interface RenderedNotice {
  subject: string;
  blocks: { heading: string | null; text: string }[];
  /** Plain text body: blocks separated by blank lines, headings on their own line. */
  text: string;
  sms: string;
  pushTitle: string;
  pushBody: string;
  /** Merge fields nothing could fill (an error for whoever asked for the render). */
  unknown: { name: string; where: string }[];
}

export function renderNotice(
  kind: KindSpec,
  content: NoticeContent,
  language: Language,
  values: Record<string, string>,
  opts: { keepRecipientFields?: boolean } = {},
): RenderedNotice {
  const unknown: { name: string; where: string }[] = [];
  const keep = opts.keepRecipientFields ? 'recipient.' : undefined;
  const fill = (text: string, where: string) => {
    const r = fillMergeFields(text, values, keep);
    for (const name of r.unknown) unknown.push({ name, where });
    return r.text;
  };
  const spec = kind;
  const byKey = new Map(content.sections.map((s) => [s.key, s.text[language]]));
  const blocks: RenderedNotice['blocks'] = [];
  const order = [OPENING.key, ...spec.elements.map((e) => e.key), CLOSING.key];
  for (const key of order) {
    const raw = byKey.get(key) ?? '';
    if (isBlank(raw)) continue;
    const element = spec.elements.find((e) => e.key === key);
    const heading = element && spec.headings ? pick(element.heading ?? element.label, language) : null;
    blocks.push({ heading, text: fill(raw.trim(), `sections.${key}.${language}`) });
  }
  const subject = fill(content.subject[language].trim(), `subject.${language}`);
  const text = blocks.map((b) => (b.heading ? `${b.heading}\n${b.text}` : b.text)).join('\n\n');
  return {
    subject,
    blocks,
    text,
    sms: fill(content.sms[language].trim(), `sms.${language}`),
    pushTitle: fill(content.pushTitle[language].trim(), `pushTitle.${language}`),
    pushBody: fill(content.pushBody[language].trim(), `pushBody.${language}`),
    unknown,
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** User text goes into the HTML part as text only: every markup character escaped. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The HTML alternative of the e-mail: escaped text, line breaks kept, no remote content. */
export function htmlBody(rendered: Pick<RenderedNotice, 'subject' | 'blocks'>, language: Language): string {
  const para = (t: string) => `<p>${escapeHtml(t).replace(/\r?\n/g, '<br>')}</p>`;
  const body = rendered.blocks.map((b) => (b.heading ? `<h2>${escapeHtml(b.heading)}</h2>` : '') + para(b.text)).join('\n');
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(rendered.subject)}</title></head>` +
    `<body style="font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',Arial,sans-serif;line-height:1.6">` +
    `<h1 style="font-size:1.3em">${escapeHtml(rendered.subject)}</h1>\n${body}</body></html>`
  );
}
