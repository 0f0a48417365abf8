import type { BilingualText, NoticeContent, NoticeUpdate } from '../../preload/contract/notices';
import { conditionsOf, type KindSpec } from './model';
import { fillMergeFields, mergeFieldsIn, sectionKeys, weakWaivers } from './rules';
import { fieldMap } from '../shared/input-guard';
import { problem, type Problem } from '../shared/errors';

/**
 * Applies an edit to a draft's content (pure): returns the new content, the VALIDATION fields
 * (each bad part named: unknown section, unknown merge field, weak waiver, foreign condition)
 * and which parts changed, for the audit entry.
 */
export function applyPatch(kind: KindSpec, _language: string, before: NoticeContent, input: NoticeUpdate, values: Record<string, string>) {
  const fields = fieldMap<Problem>();
  const changed: string[] = [];
  const after: NoticeContent = structuredClone(before);
  const known = (text: string, where: string) => {
    for (const name of fillMergeFields(text, values, 'recipient.').unknown) fields[where] = problem('unknownMergeField', { name });
    for (const name of mergeFieldsIn(text)) if (name.startsWith('recipient.') && !/^recipient\.[A-Za-z0-9_]+$/.test(name)) fields[where] = problem('unknownMergeField', { name });
  };
  const patchText = (key: 'subject' | 'sms' | 'pushTitle' | 'pushBody', patch: Partial<BilingualText> | undefined) => {
    if (!patch) return;
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = patch[lang];
      if (text === undefined || text === before[key][lang]) continue;
      known(text, `${key}.${lang}`);
      after[key][lang] = text;
      changed.push(`${key}.${lang}`);
    }
  };
  if (input.languages) {
    // Any language may be unticked as long as one stays; the service moves the notice's own language.
    const langs = [...new Set(input.languages)];
    if (langs.join() !== before.languages.join()) {
      after.languages = langs;
      changed.push('languages');
    }
  }
  patchText('subject', input.subject);
  patchText('sms', input.sms);
  patchText('pushTitle', input.pushTitle);
  patchText('pushBody', input.pushBody);
  const keys = new Set(sectionKeys(kind));
  input.sections?.forEach((s, i) => {
    if (!keys.has(s.key)) {
      fields[`sections.${i}.key`] = problem('notSectionOf', { kind: kind.label });
      return;
    }
    const section = after.sections.find((x) => x.key === s.key)!;
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = s.text[lang];
      if (text === undefined || text === section.text[lang]) continue;
      known(text, `sections.${s.key}.${lang}`);
      section.text[lang] = text;
      changed.push(`sections.${s.key}.${lang}`);
    }
  });
  if (input.waivers) {
    const elementKeys = new Set(kind.elements.map((e) => e.key));
    for (const key of Object.keys(input.waivers)) if (!elementKeys.has(key)) fields[`waivers.${key}`] = problem('notElement');
    Object.assign(fields, weakWaivers(input.waivers));
    for (const [key, reason] of Object.entries(input.waivers)) {
      if (reason === null ? key in after.waivers : after.waivers[key] !== reason.trim()) {
        if (reason === null) delete after.waivers[key];
        else after.waivers[key] = reason.trim();
        changed.push(`waivers.${key}`);
      }
    }
  }
  if (input.conditions) {
    const allowed = new Set<string>(conditionsOf(kind));
    for (const [key, on] of Object.entries(input.conditions)) {
      if (!allowed.has(key)) fields[`conditions.${key}`] = problem('notCondition');
      else if (after.conditions[key] !== on) {
        after.conditions[key] = on as boolean;
        changed.push(`conditions.${key}`);
      }
    }
  }
  return { content: after, fields, changed };
}
