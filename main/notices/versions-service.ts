import type { z } from 'zod';
import type { Language } from '../../preload/contract/common';
import type { NoticeKind, noticesChannels } from '../../preload/contract/notices';
import { notFound } from '../shared/errors';
import type { Session } from '../shared/session';
import { kindOf, sectionMetaOf } from './context';
import { diffText } from './diff';
import { NoticesRepo } from './repo';
import { loadNotice, parseContent } from './service';

type Out<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['output']>;

export function listVersions(session: Session, id: string): Out<'notices.versions'> {
  const repo = new NoticesRepo(session.db);
  loadNotice(repo, id);
  return repo.versions(id).map((v) => ({
    version: v.version,
    state: v.state as Out<'notices.versions'>[number]['state'],
    createdAt: v.created_at,
    approval: v.approved_by && v.approved_at ? { by: v.approved_by, at: v.approved_at } : null,
    dispatch: v.dispatch ? JSON.parse(v.dispatch) : null,
  }));
}

/** Every file made from the notice (newest first), to pick the one a dispatch sent. */
export function listOutputs(session: Session, id: string): Out<'notices.outputs'> {
  const repo = new NoticesRepo(session.db);
  loadNotice(repo, id);
  return repo.outputs(id).map((o) => ({
    outputId: o.id,
    version: o.version,
    format: o.format,
    language: o.language as 'en',
    fileName: o.file_name,
    path: o.path,
    sha256: o.sha256,
    bytes: o.bytes,
    messages: o.messages,
    createdAt: o.created_at,
  }));
}

/** What changed between two versions, section by section and language by language. */
export function diffVersions(session: Session, id: string, from: number, to: number): Out<'notices.diff'> {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, id);
  const a = repo.version(id, from);
  const b = repo.version(id, to);
  if (!a) throw notFound('Version', `${from} of ${row.ref}`);
  if (!b) throw notFound('Version', `${to} of ${row.ref}`);
  const before = parseContent(a);
  const after = parseContent(b);
  const out: Out<'notices.diff'> = [];
  const langs: Language[] = ['zh-CN', 'en'];
  for (const lang of langs) {
    const parts = diffText(before.subject[lang], after.subject[lang]);
    out.push({ key: 'subject', label: { en: 'Subject', zh: '主题' }, language: lang, changed: before.subject[lang] !== after.subject[lang], parts });
  }
  for (const meta of sectionMetaOf(kindOf(session, row.kind as NoticeKind), after.conditions)) {
    for (const lang of langs) {
      const x = before.sections.find((s) => s.key === meta.key)?.text[lang] ?? '';
      const y = after.sections.find((s) => s.key === meta.key)?.text[lang] ?? '';
      out.push({ key: meta.key, label: meta.label, language: lang, changed: x !== y, parts: diffText(x, y) });
    }
  }
  return out;
}
