import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page } from '../../preload/contract/common';
import type {
  BilingualText,
  LinkModule,
  NoticeContent,
  NoticeDto,
  NoticeKind,
  NoticeSummary,
  noticesChannels,
  NoticeUpdate,
} from '../../preload/contract/notices';
import { NoticeContent as NoticeContentSchema } from '../../preload/contract/notices';
import { indexRecord } from '../search/service';
import { conflict, invalid, notFound, problem, type Problem } from '../shared/errors';
import { refuseIfVoided, voidMarkOf } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { checklistOf, conditionMetaOf, effectiveConditions, gdprNoticeHours, kindOf, mergeContext, sectionMetaOf, type MergeContext } from './context';
import { getSettings } from '../settings/service';
import { REF_PREFIX, noticeStateName, noticeStatesOr } from './model';
import { NoticesRepo, type NoticeRow, type VersionRow } from './repo';
import { approvalBlockers, fillMergeFields, initialConditions, isBlank, mergeFieldsIn, sectionKeys } from './rules';
import { noticeSource } from './sources';
import { currentTemplate } from './templates-service';
import { applyPatch } from './draft-patch';
import { fieldMap } from '../shared/input-guard';

type In<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['input']>;

const EMPTY: BilingualText = { 'zh-CN': '', en: '' };

/**
 * A template text is kept only when every record field it quotes has a value (profile fields
 * always count; recipient fields wait for the merge): no unknown field, no half-empty sentence.
 */
const usable = (t: BilingualText | undefined, values: Record<string, string>): BilingualText => {
  if (!t) return { ...EMPTY };
  const keep = (s: string) =>
    fillMergeFields(s, values, 'recipient.').unknown.length ||
    mergeFieldsIn(s).some((name) => !name.startsWith('org.') && !name.startsWith('recipient.') && isBlank(values[name]))
      ? ''
      : s;
  return { 'zh-CN': keep(t['zh-CN']), en: keep(t.en) };
};

export function createNotice(session: Session, raw: In<'notices.create'>): NoticeDto {
  // Issue 13 (6): a notice starts in the organisation's language (Settings), not the DPO's UI language.
  const input = { ...raw, language: raw.language ?? raw.languages?.[0] ?? getSettings(session).defaultLanguage };
  const languages = input.languages ? [...new Set(input.languages)] : [input.language];
  const fields = fieldMap<Problem>();
  if (!languages.includes(input.language)) fields.languages = problem('noticeLanguage');
  const links = dedupeLinks(input.links);
  links.forEach((l, i) => {
    if (!noticeSource(l.module).fields(session, l.recordId)) fields[`links.${i}.recordId`] = problem('noLinkedRecord', { module: l.module });
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const ctx = mergeContext(session, links.map((l) => ({ module: l.module, record_id: l.recordId })));
  const template = currentTemplate(session, input.kind);
  const content: NoticeContent = {
    languages,
    subject: usable(template.subject, ctx.values),
    sections: sectionKeys(kindOf(session, input.kind)).map((key) => ({ key, text: usable(template.sections[key], ctx.values) })),
    waivers: {},
    conditions: effectiveConditions({ conditions: initialConditions(input.kind, ctx.values, session.now(), gdprNoticeHours(session)) } as NoticeContent, ctx),
    sms: usable(template.sms, ctx.values),
    pushTitle: usable(template.pushTitle, ctx.values),
    pushBody: usable(template.pushBody, ctx.values),
  };
  return session.tx(() => {
    const repo = new NoticesRepo(session.db);
    const now = session.now().toISOString();
    const row: NoticeRow = {
      id: randomUUID(),
      ref: repo.nextRef(`${REF_PREFIX}-${now.slice(0, 4)}-`),
      kind: input.kind,
      language: input.language,
      state: 'draft',
      version: 1,
      subject: content.subject[input.language],
      created_at: now,
      updated_at: now,
    };
    repo.insertNotice(row);
    repo.insertVersion({ notice_id: row.id, version: 1, state: 'draft', content: JSON.stringify(content), created_at: now, approved_by: null, approved_at: null, dispatch: null });
    for (const l of links) repo.insertLink({ notice_id: row.id, module: l.module, record_id: l.recordId });
    session.audit.append({
      action: 'notices.create',
      entity: 'notice',
      entityId: row.id,
      summary: `${row.ref} drafted: ${kindOf(session, input.kind).label.en}`,
      details: { kind: input.kind, language: input.language, links },
    });
    index(session, row, content);
    return toDto(session, row, repo.version(row.id, 1)!, ctx);
  });
}

export function getNotice(session: Session, id: string, version?: number): NoticeDto {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, id);
  const v = repo.version(id, version ?? row.version);
  if (!v) throw notFound('Version', `${version} of ${row.ref}`);
  return toDto(session, row, v);
}

export function listNotices(session: Session, input: In<'notices.list'>): Page<NoticeSummary> {
  const repo = new NoticesRepo(session.db);
  const after = decodeCursor(input.cursor);
  const filter = { state: input.state, kind: input.kind, link: input.link };
  const rows = repo.page({ ...filter, after, limit: input.limit + 1, showVoided: input.showVoided });
  const items = rows.slice(0, input.limit);
  const links = repo.linksOf(items.map((r) => r.id));
  const more = rows.length > input.limit;
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id,
      ref: r.ref,
      kind: r.kind as NoticeKind,
      kindLabel: kindOf(session, r.kind as NoticeKind).label,
      language: r.language as NoticeSummary['language'],
      state: r.state as NoticeSummary['state'],
      version: r.version,
      subject: r.subject,
      links: links.filter((l) => l.notice_id === r.id).map((l) => ({ module: l.module as LinkModule, recordId: l.record_id })),
      updatedAt: r.updated_at,
      voided: voidMarkOf(r),
    })),
    nextCursor: more && last ? Buffer.from(JSON.stringify([last.updated_at, last.id])).toString('base64url') : null,
    total: repo.count(filter),
  };
}

export function updateNotice(session: Session, input: NoticeUpdate): NoticeDto {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, input.id);
  refuseIfVoided(row, row.ref);
  const kind = row.kind as NoticeKind;
  const current = repo.version(row.id, row.version)!;
  const before = parseContent(current);
  const ctx = mergeContext(session, repo.links(row.id));
  const { content: after, fields, changed } = applyPatch(kindOf(session, kind), row.language, before, input, ctx.values);
  if (Object.keys(fields).length) throw invalid(fields);
  if (changed.length === 0) return toDto(session, row, current, ctx);

  return session.tx(() => {
    const now = session.now().toISOString();
    const frozen = current.state === 'approved' || current.state === 'dispatched';
    // Approved content is frozen: an edit makes a new version, the approved one stays readable.
    const version = frozen ? row.version + 1 : row.version;
    if (frozen) {
      repo.insertVersion({ notice_id: row.id, version, state: 'draft', content: JSON.stringify(after), created_at: now, approved_by: null, approved_at: null, dispatch: null });
    } else {
      repo.updateVersion({ notice_id: row.id, version, state: 'draft', content: JSON.stringify(after), approved_by: null, approved_at: null, dispatch: null });
    }
    // Any language box can be unticked while one stays: the first one left becomes the notice's language.
    const language = after.languages.includes(row.language as 'en') ? row.language : after.languages[0];
    const next = { ...row, language, state: 'draft', version, subject: after.subject[language as 'en'] || after.subject[after.languages[0]], updated_at: now };
    repo.updateNotice(row.id, next);
    session.audit.append({
      action: 'notices.update',
      entity: 'notice',
      entityId: row.id,
      summary: frozen
        ? `${row.ref} edited after ${current.state}: new version ${version}`
        : `${row.ref} v${version} edited${current.state === 'inReview' ? ' (back to draft from review)' : ''}: ${changed.join(', ')}`,
      details: { version, from: current.state, changed, waivers: input.waivers ?? null, conditions: input.conditions ?? null },
    });
    index(session, next, after);
    return toDto(session, next, repo.version(row.id, version)!, ctx);
  });
}

/** The checklist the DPO's unsaved edit would have: the same pure patch and checks, no write. */
export function checkDraft(session: Session, input: NoticeUpdate): NoticeDto['checklist'] {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, input.id);
  const before = parseContent(repo.version(row.id, row.version)!);
  const ctx = mergeContext(session, repo.links(row.id));
  const spec = kindOf(session, row.kind as NoticeKind);
  const { content } = applyPatch(spec, row.language, before, input, ctx.values);
  return checklistOf(spec, content, ctx);
}

export function checkNotice(session: Session, id: string): NoticeDto['checklist'] {
  return getNotice(session, id).checklist;
}

export function submitForReview(session: Session, id: string): NoticeDto {
  return transition(session, id, ['draft'], 'inReview', 'notices.submitForReview', (ref, v) => `${ref} v${v} submitted for review`);
}

export function returnToDraft(session: Session, id: string): NoticeDto {
  return transition(session, id, ['inReview'], 'draft', 'notices.returnToDraft', (ref, v) => `${ref} v${v} returned to draft`);
}

export function approveNotice(session: Session, id: string): NoticeDto {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, id);
  refuseIfVoided(row, row.ref);
  const v = repo.version(id, row.version)!;
  if (v.state !== 'inReview') throw conflict(problem('approveInReview', { ref: row.ref, state: noticeStateName(v.state) }));
  const ctx = mergeContext(session, repo.links(id));
  const checklist = checklistOf(kindOf(session, row.kind as NoticeKind), parseContent(v), ctx);
  const blockers = approvalBlockers(checklist.elements, checklist.mergeFieldProblems);
  if (Object.keys(blockers).length) throw invalid(blockers);
  return session.tx(() => {
    const now = session.now().toISOString();
    const by = session.actor();
    repo.updateVersion({ ...v, state: 'approved', approved_by: by, approved_at: now });
    const next = { ...row, state: 'approved', updated_at: now };
    repo.updateNotice(id, next);
    session.audit.append({
      action: 'notices.approve',
      entity: 'notice',
      entityId: id,
      summary: `${row.ref} v${v.version} approved by ${by}`,
      details: {
        version: v.version,
        elements: checklist.elements.map((e) => ({ key: e.key, status: e.status, waiverReason: e.waiverReason })),
      },
    });
    return toDto(session, next, repo.version(id, v.version)!, ctx);
  });
}

export function markDispatched(session: Session, input: In<'notices.markDispatched'>): NoticeDto {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, input.id);
  refuseIfVoided(row, row.ref);
  const v = repo.version(row.id, row.version)!;
  if (v.state !== 'approved') throw conflict(problem('dispatchApproved', { ref: row.ref, state: noticeStateName(v.state) }));
  const fields = fieldMap<Problem>();
  const output = input.outputId ? repo.output(input.outputId) : null;
  if (input.outputId && (!output || output.notice_id !== row.id || output.version !== v.version)) fields.outputId = problem('notOutputOf');
  if (Date.parse(input.dispatchedAt) > session.now().getTime() + 5 * 60_000) fields.dispatchedAt = problem('future');
  // Compared to the minute: the time a DPO types has no seconds, and "sent right after approval" is the common case.
  if (v.approved_at && input.dispatchedAt.slice(0, 16) < v.approved_at.slice(0, 16)) fields.dispatchedAt = problem('beforeApproval');
  if (Object.keys(fields).length) throw invalid(fields);
  return session.tx(() => {
    const dispatch = {
      channel: input.channel,
      dispatchedAt: input.dispatchedAt,
      recipientsCount: input.recipientsCount,
      outputId: output?.id ?? null,
      fileName: output?.file_name ?? null,
      sha256: output?.sha256 ?? null,
      recordedBy: session.actor(),
    };
    repo.updateVersion({ ...v, state: 'dispatched', dispatch: JSON.stringify(dispatch) });
    const next = { ...row, state: 'dispatched', updated_at: session.now().toISOString() };
    repo.updateNotice(row.id, next);
    session.audit.append({
      action: 'notices.markDispatched',
      entity: 'notice',
      entityId: row.id,
      summary: `${row.ref} v${v.version} dispatched by ${input.channel} to ${input.recipientsCount} recipient(s)${dispatch.sha256 ? `, file SHA-256 ${dispatch.sha256}` : ''}`,
      details: { version: v.version, ...dispatch },
    });
    // Each linked module learns of the dispatch in this same transaction (an obligation met, a reply sent).
    for (const link of repo.links(row.id)) {
      noticeSource(link.module as LinkModule).onDispatched?.(session, link.record_id, {
        noticeId: row.id,
        noticeRef: row.ref,
        kind: row.kind,
        dispatchedAt: input.dispatchedAt,
        channel: input.channel,
        conditions: parseContent(v).conditions,
      });
    }
    return toDto(session, next, repo.version(row.id, v.version)!);
  });
}

// --- helpers -------------------------------------------------------------------------------

export function loadNotice(repo: NoticesRepo, id: string): NoticeRow {
  const row = repo.notice(id);
  if (!row) throw notFound('Notice', id);
  return row;
}

export const parseContent = (v: VersionRow): NoticeContent => NoticeContentSchema.parse(JSON.parse(v.content));

function transition(session: Session, id: string, from: string[], to: string, action: string, summary: (ref: string, v: number) => string): NoticeDto {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, id);
  refuseIfVoided(row, row.ref);
  const v = repo.version(id, row.version)!;
  if (!from.includes(v.state)) throw conflict(problem('noticeStep', { ref: row.ref, state: noticeStateName(v.state), needed: noticeStatesOr(from) }));
  return session.tx(() => {
    const now = session.now().toISOString();
    repo.updateVersion({ ...v, state: to });
    const next = { ...row, state: to, updated_at: now };
    repo.updateNotice(id, next);
    session.audit.append({ action, entity: 'notice', entityId: id, summary: summary(row.ref, v.version), details: { version: v.version, from: v.state, to } });
    return toDto(session, next, repo.version(id, v.version)!);
  });
}

function toDto(session: Session, row: NoticeRow, v: VersionRow, ctx?: MergeContext): NoticeDto {
  const kind = row.kind as NoticeKind;
  const spec = kindOf(session, kind);
  const content = parseContent(v);
  const context = ctx ?? mergeContext(session, new NoticesRepo(session.db).links(row.id));
  return {
    id: row.id,
    ref: row.ref,
    kind,
    kindLabel: spec.label,
    kindBasis: spec.basis,
    language: row.language as NoticeDto['language'],
    state: v.state as NoticeDto['state'],
    version: v.version,
    historical: v.version !== row.version,
    links: context.linked,
    content,
    sectionMeta: sectionMetaOf(spec, effectiveConditions(content, context)),
    conditionMeta: conditionMetaOf(spec, context),
    approval: v.approved_by && v.approved_at ? { by: v.approved_by, at: v.approved_at } : null,
    dispatch: v.dispatch ? JSON.parse(v.dispatch) : null,
    checklist: checklistOf(spec, content, context),
    mergeFields: Object.entries(context.values).map(([name, value]) => ({ name, value })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    voided: voidMarkOf(row),
  };
}

function index(session: Session, row: NoticeRow, content: NoticeContent): void {
  const body = [content.subject['zh-CN'], content.subject.en, ...content.sections.flatMap((s) => [s.text['zh-CN'], s.text.en])].filter(Boolean).join('\n');
  indexRecord(session, { module: 'notices', recordId: row.id, ref: row.ref, title: row.subject || kindOf(session, row.kind as NoticeKind).label.en, body });
}

function dedupeLinks<T extends { module: string; recordId: string }>(links: T[]): T[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(`${l.module}/${l.recordId}`) && seen.add(`${l.module}/${l.recordId}`));
}

function decodeCursor(cursor: string | null | undefined): { updatedAt: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof updatedAt === 'string' && typeof id === 'string') return { updatedAt, id };
  } catch {
    // falls through to the refusal below
  }
  throw invalid({ cursor: problem('badCursor') });
}
