import type { z } from 'zod';
import type { BilingualText, NoticeKind, Template, noticesChannels } from '../../preload/contract/notices';
import { invalid, type Problem, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { kindOf } from './context';
import { NoticesRepo } from './repo';
import type { KindSpec } from './model';
import { mergeFieldsIn, sectionKeys } from './rules';
import { BUILT_IN_TEMPLATES, type BuiltInTemplate } from './templates-builtin';
import { fieldMap } from '../shared/input-guard';

type TemplateInput = z.output<(typeof noticesChannels)['notices.templateUpdate']['input']>;

const EMPTY: BilingualText = { 'zh-CN': '', en: '' };

function toTemplate(spec: KindSpec, version: number, t: BuiltInTemplate, meta: { builtIn: boolean; at: string | null; by: string | null }): Template {
  return {
    kind: spec.kind,
    version,
    builtIn: meta.builtIn,
    subject: t.subject,
    sections: sectionKeys(spec).map((key) => ({ key, text: t.sections[key] ?? EMPTY })),
    sms: t.sms,
    pushTitle: t.pushTitle,
    pushBody: t.pushBody,
    updatedAt: meta.at,
    updatedBy: meta.by,
  };
}

/** The template a new draft of this kind starts from: the DPO's latest edit, else the built-in one. */
export function currentTemplate(session: Session, kind: NoticeKind): BuiltInTemplate {
  const row = new NoticesRepo(session.db).latestTemplate(kind);
  return row ? (JSON.parse(row.content) as BuiltInTemplate) : BUILT_IN_TEMPLATES[kind];
}

/** Every version, newest first; version 0 is the built-in text. */
export function listTemplates(session: Session, kind: NoticeKind): Template[] {
  const rows = new NoticesRepo(session.db).templates(kind);
  const spec = kindOf(session, kind);
  return [
    ...rows.map((r) => toTemplate(spec, r.version, JSON.parse(r.content) as BuiltInTemplate, { builtIn: false, at: r.updated_at, by: r.updated_by })),
    toTemplate(spec, 0, BUILT_IN_TEMPLATES[kind], { builtIn: true, at: null, by: null }),
  ];
}

const TEMPLATE_FIELD = /^(org\.(legalName|address|dpoName|dpoEmail|phone)|(incident|transfer|request|recipient)\.[A-Za-z0-9_]+)$/;

export function updateTemplate(session: Session, input: TemplateInput): Template {
  const spec = kindOf(session, input.kind);
  const keys = new Set(sectionKeys(spec));
  const fields = fieldMap<Problem>();
  input.sections.forEach((s, i) => {
    if (!keys.has(s.key)) fields[`sections.${i}.key`] = problem('notSectionOf', { kind: spec.label });
  });
  // A template cannot know which record it will draw on, but a field outside the known namespaces can never be filled.
  const texts: [string, BilingualText][] = [
    ['subject', input.subject],
    ['sms', input.sms],
    ['pushTitle', input.pushTitle],
    ['pushBody', input.pushBody],
    ...input.sections.map((s): [string, BilingualText] => [`sections.${s.key}`, s.text]),
  ];
  for (const [where, text] of texts) {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const name of mergeFieldsIn(text[lang])) if (!TEMPLATE_FIELD.test(name)) fields[`${where}.${lang}`] = problem('unknownMergeField', { name });
    }
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const content: BuiltInTemplate = {
    subject: input.subject,
    sections: Object.fromEntries(input.sections.map((s) => [s.key, s.text])),
    sms: input.sms,
    pushTitle: input.pushTitle,
    pushBody: input.pushBody,
  };
  return session.tx(() => {
    const repo = new NoticesRepo(session.db);
    const version = (repo.latestTemplate(input.kind)?.version ?? 0) + 1;
    const at = session.now().toISOString();
    const by = session.actor();
    repo.insertTemplate({ kind: input.kind, version, content: JSON.stringify(content), updated_at: at, updated_by: by });
    session.audit.append({
      action: 'notices.templateUpdate',
      entity: 'noticeTemplate',
      entityId: input.kind,
      summary: `Template "${spec.label.en}" saved as version ${version}`,
      details: { kind: input.kind, version },
    });
    return toTemplate(spec, version, content, { builtIn: false, at, by });
  });
}
