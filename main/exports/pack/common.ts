import type { Deadline } from '../../../preload/contract/deadlines';
import type { PackLanguage } from '../../../preload/contract/exports';
import { listNotices } from '../../notices/service';
import { loadCurrent, renderStrict } from '../../notices/export-service';
import { DISPATCH_CHANNEL_NAMES, NOTICE_STATE_NAMES } from '../../notices/model';
import { NoticesRepo } from '../../notices/repo';
import type { Settings } from '../../../preload/contract/settings';
import type { AuditAnchor } from '../../audit/model';
import type { Session } from '../../shared/session';
import { instantText, EXPORT_ZONE } from '../cells';
import { DEADLINE_STATE_NAMES } from '../labels';
import type { Localized } from '../model';
import type { PackAttachment } from './attachments';
import type { Block, Section, Text } from './pdf';

// Pieces every pack's report and contents share: the organisation, the notices sent about the
// record, the deadlines' decisions, the attachments, the audit chain head.

export const L = (en: string, zh: string): Localized => ({ en, zh });

/** An instant as the report prints it, in the export zone (named in the report's notes). */
/** A fact typed once with an optional translation: each language its own version, else the typed one; null when empty. */
export const translatableText = (t: { zh: string; en: string }): Text | null => (t.zh.trim() || t.en.trim() ? { zh: t.zh.trim() ? t.zh : t.en, en: t.en.trim() ? t.en : t.zh } : null);

export const at = (iso: string | null | undefined): string | null => (iso ? instantText(iso) : null);

export function organisationSection(settings: Settings): Section {
  const p = settings.profile;
  return {
    heading: L('Organisation and DPO', '组织与个人信息保护负责人'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [L('Organisation', '组织名称'), p.legalName],
          [L('Registered address', '注册地址'), p.registeredAddress],
          [L('DPO', '个人信息保护负责人'), p.dpoName],
          [L('DPO e-mail', '电子邮箱'), p.dpoEmail],
          [L('Phone', '电话'), p.phone],
        ],
      },
    ],
  };
}

export interface NoticeOfRecord {
  id: string;
  ref: string;
  kind: Localized;
  state: string;
  version: number;
  links: { module: string; recordId: string }[];
  dispatch: { channel: string; dispatchedAt: string; recipientsCount: number; fileName: string | null; sha256: string | null } | null;
  /** The approved text as sent, per language, for the pack's notices/ folder. */
  texts: { language: 'zh-CN' | 'en'; name: string; text: string }[];
}

/** The notices linked to a record, with the text of each approved or dispatched version. */
export function noticesOf(session: Session, module: 'incidents' | 'transfers' | 'inbox', recordId: string): NoticeOfRecord[] {
  const repo = new NoticesRepo(session.db);
  const out: NoticeOfRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = listNotices(session, { link: { module, recordId }, cursor, limit: 200 });
    for (const n of page.items) {
      const v = repo.version(n.id, n.version);
      const sendable = n.state === 'approved' || n.state === 'dispatched';
      const texts: NoticeOfRecord['texts'] = [];
      if (sendable) {
        const l = loadCurrent(session, n.id);
        const content = JSON.parse(l.version.content) as { languages?: string[] };
        const languages = (content.languages ?? [n.language]).filter((x): x is 'zh-CN' | 'en' => x === 'zh-CN' || x === 'en');
        for (const language of languages) {
          try {
            const r = renderStrict(l, language);
            const parts = [`Subject: ${r.subject}`, '', r.text];
            if (r.sms) parts.push('', '--- SMS ---', r.sms);
            if (r.pushTitle || r.pushBody) parts.push('', '--- Push ---', r.pushTitle, r.pushBody);
            texts.push({ language, name: `notices/${n.ref}-v${n.version}-${language}.txt`, text: `${parts.join('\n')}\n` });
          } catch {
            // A version whose merge fields are filled per recipient has no single text; its dispatch record stands.
          }
        }
      }
      out.push({ id: n.id, ref: n.ref, kind: n.kindLabel, state: n.state, version: n.version, links: n.links, dispatch: v?.dispatch ? JSON.parse(v.dispatch) : null, texts });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function noticesSection(notices: NoticeOfRecord[]): Section {
  return {
    heading: L('Notices', '通知'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: L('Notice', '通知'), width: 22 },
          { header: L('State', '状态'), width: 10 },
          { header: L('Sent', '发出时间'), width: 14 },
          { header: L('Channel', '渠道'), width: 10 },
          { header: L('Recipients', '人数'), width: 8 },
          { header: L('SHA-256 of the file sent', '发出文件 SHA-256'), width: 36 },
        ],
        rows: notices.map((n) => [
          { en: `${n.ref} v${n.version}\n${n.kind.en}`, zh: `${n.ref} v${n.version}\n${n.kind.zh}` },
          NOTICE_STATE_NAMES[n.state] ?? n.state,
          at(n.dispatch?.dispatchedAt),
          n.dispatch ? (DISPATCH_CHANNEL_NAMES[n.dispatch.channel] ?? n.dispatch.channel) : null,
          n.dispatch ? String(n.dispatch.recipientsCount) : null,
          n.dispatch?.sha256 ? `${n.dispatch.sha256}${n.dispatch.fileName ? `\n${n.dispatch.fileName}` : ''}` : null,
        ]) as Text[][],
        empty: L('No notice is linked to this record.', '本记录没有关联的通知。'),
      },
      {
        kind: 'note',
        text: L(
          'The approved text of each notice is in notices/ of this pack. The file sent is identified by the SHA-256 recorded when it was made; the app does not keep a copy of that file.',
          '各通知经批准的文本见本包 notices/ 目录。发出的文件以生成时记录的 SHA-256 标识；本应用不保留该文件副本。',
        ),
      },
    ],
  };
}

/** The DPO's decisions on the record's clocks: waivers and changed due dates, with reasons. */
export function deadlineDecisionRows(deadlines: Deadline[]): Text[][] {
  const rows: Text[][] = [];
  for (const d of deadlines) {
    if (d.state === 'waived' && d.waivedReason) rows.push([d.rule, L('waived', '豁免'), d.waivedReason]);
    if (d.override) rows.push([d.rule, L(`due changed from ${at(d.override.computedDueAt)} to ${at(d.dueAt)}`, `期限由 ${at(d.override.computedDueAt)} 改为 ${at(d.dueAt)}`), d.override.reason]);
  }
  return rows;
}

export function deadlinesBlock(deadlines: Deadline[]): Block {
  return {
    kind: 'table',
    columns: [
      { header: L('Obligation', '义务'), width: 30 },
      { header: L('Basis', '依据'), width: 26 },
      { header: L('Due', '期限'), width: 14 },
      { header: L('State', '状态'), width: 10 },
      { header: L('Met at', '完成时间'), width: 14 },
    ],
    rows: deadlines.map((d) => [d.rule, d.basis, d.clock === 'immediate' ? L('immediately', '立即') : at(d.dueAt), DEADLINE_STATE_NAMES[d.state] ?? d.state, at(d.metAt)]) as Text[][],
    empty: L('No deadline runs for this record.', '本记录没有期限。'),
  };
}

export function attachmentsSection(list: PackAttachment[]): Section {
  return {
    heading: L('Attachments', '附件'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: L('File', '文件'), width: 34 },
          { header: L('Role', '用途'), width: 16 },
          { header: L('Size', '大小'), width: 10 },
          { header: L('SHA-256', 'SHA-256'), width: 40 },
        ],
        rows: list.map((a) => [a.name, a.role ?? '', `${a.size} B`, a.sha256 ?? '']),
        empty: L('No attachments are stored for this record in the vault.', '保险库中没有本记录的附件。'),
      },
    ],
  };
}

export function auditSection(head: { seq: number; hash: string }, anchor: AuditAnchor | null, entries: number): Section {
  return {
    heading: L('Audit chain at export', '导出时的审计链'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [L('Chain head (seq)', '链头序号'), String(head.seq)],
          [L('Chain head (hash)', '链头哈希'), head.hash],
          [L('Anchor outside the vault', '保险库外的锚点'), anchor ? `#${anchor.seq} · ${at(anchor.at)}\n${anchor.hash}` : L('none', '无')],
          [L('Entries of this record in the pack', '本包所含本记录的审计条目'), String(entries)],
        ],
      },
      {
        kind: 'note',
        text: L(
          `audit.jsonl holds those entries with their MACs; the vault checks it with "Verify an export" on the Audit page. Times are ${EXPORT_ZONE}.`,
          `audit.jsonl 含上述条目及其 MAC，可在“审计日志”页用“校验导出文件”对照保险库核验。时间为 ${EXPORT_ZONE}。`,
        ),
      },
    ],
  };
}

export const generatedAtText = (iso: string): Localized => L(`generated at ${instantText(iso)} (${EXPORT_ZONE})`, `生成于 ${instantText(iso)}`);

export type { PackLanguage };

/** The record's timeline: when, who, what (each entry's stored text, in both languages where kept). */
export function timelineSection(entries: { at: string; actor: string; text: Text }[]): Section {
  return {
    heading: L('Timeline', '时间线'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: L('When', '时间'), width: 16 },
          { header: L('Who', '操作人'), width: 14 },
          { header: L('What happened', '事项'), width: 70 },
        ],
        rows: entries.map((t) => [at(t.at), t.actor, t.text]) as Text[][],
        empty: L('No entries.', '暂无条目。'),
      },
    ],
  };
}

/** The DPO's decisions (about what, the decision, the reason) as one table. */
export function decisionsBlock(rows: Text[][], empty: Localized): Block {
  return {
    kind: 'table',
    columns: [
      { header: L('About', '事项'), width: 30 },
      { header: L('Decision', '决定'), width: 26 },
      { header: L('Reason', '理由'), width: 44 },
    ],
    rows,
    empty,
  };
}
