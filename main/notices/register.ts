import type { z } from 'zod';
import type { NoticeListInput, NoticeSummary } from '../../preload/contract/notices';
import { MODULE_NAMES, joinList } from '../exports/labels';
import { EXPORT_PAGE, pick, type Column, type RegisterSource } from '../exports/model';
import { DISPATCH_CHANNEL_NAMES, NOTICE_STATE_NAMES } from './model';
import { NoticesRepo } from './repo';
import { listNotices } from './service';

// The notice register as the list shows it: state, version, and the dispatch of the current
// version (when, how, to how many, the file's SHA-256).

export type NoticeFilter = Omit<z.output<typeof NoticeListInput>, 'cursor' | 'limit'>;

interface Dispatch {
  channel: string;
  dispatchedAt: string;
  recipientsCount: number;
  fileName: string | null;
  sha256: string | null;
}
interface Row {
  item: NoticeSummary;
  approvedAt: string | null;
  dispatch: Dispatch | null;
}

const columns: Column<Row>[] = [
  { header: { en: 'Reference', zh: '编号' }, type: 'text', width: 16, value: (r) => r.item.ref },
  { header: { en: 'Kind', zh: '类型' }, type: 'text', width: 32, value: (r, l) => pick(r.item.kindLabel, l) },
  { header: { en: 'Language', zh: '语言' }, type: 'text', width: 8, value: (r) => r.item.language },
  { header: { en: 'State', zh: '状态' }, type: 'text', width: 12, value: (r, l) => pick(NOTICE_STATE_NAMES[r.item.state], l) },
  { header: { en: 'Version', zh: '版本' }, type: 'number', width: 8, value: (r) => r.item.version },
  { header: { en: 'Subject', zh: '主题' }, type: 'text', width: 40, value: (r) => r.item.subject },
  { header: { en: 'Linked records', zh: '关联记录' }, type: 'text', width: 20, value: (r, l) => joinList(r.item.links.map((k) => pick(MODULE_NAMES[k.module], l)), l) || null },
  { header: { en: 'Approved', zh: '批准时间' }, type: 'instant', width: 18, value: (r) => r.approvedAt },
  { header: { en: 'Dispatched', zh: '发出时间' }, type: 'instant', width: 18, value: (r) => r.dispatch?.dispatchedAt ?? null },
  { header: { en: 'Channel', zh: '渠道' }, type: 'text', width: 14, value: (r, l) => (r.dispatch ? pick(DISPATCH_CHANNEL_NAMES[r.dispatch.channel] ?? { en: r.dispatch.channel, zh: r.dispatch.channel }, l) : null) },
  { header: { en: 'Recipients', zh: '收件人数' }, type: 'number', width: 10, value: (r) => r.dispatch?.recipientsCount ?? null },
  { header: { en: 'File sent', zh: '发出文件' }, type: 'text', width: 28, value: (r) => r.dispatch?.fileName ?? null },
  { header: { en: 'SHA-256 of the file', zh: '文件 SHA-256' }, type: 'text', width: 66, value: (r) => r.dispatch?.sha256 ?? null },
  { header: { en: 'Updated', zh: '更新时间' }, type: 'instant', width: 18, value: (r) => r.item.updatedAt },
];

export const noticeRegister: RegisterSource<NoticeFilter, Row> = {
  sheetName: { en: 'Notices', zh: '通知台账' },
  columns,
  *pages(session, filter) {
    const repo = new NoticesRepo(session.db);
    let cursor: string | null = null;
    do {
      const page = listNotices(session, { ...filter, cursor, limit: EXPORT_PAGE });
      yield page.items.map((item) => {
        const v = repo.version(item.id, item.version);
        return { item, approvedAt: v?.approved_at ?? null, dispatch: v?.dispatch ? (JSON.parse(v.dispatch) as Dispatch) : null };
      });
      cursor = page.nextCursor;
    } while (cursor);
  },
  count(session, filter) {
    return listNotices(session, { ...filter, cursor: null, limit: 1 }).total;
  },
};
