import type { z } from 'zod';
import type { InboxList, RequestSummary } from '../../preload/contract/inbox';
import { DEADLINE_STATE_NAMES, JURISDICTION_NAMES } from '../exports/labels';
import { EXPORT_PAGE, pick, type Column, type Localized, type RegisterSource } from '../exports/model';
import type { Session } from '../shared/session';
import { refusalGroundsOf, type Grounds } from './grounds';
import { REQUEST_TYPE_LABEL, type RequestRow } from './model';
import { listRequests } from './query';
import { InboxRepo } from './repo';

// The request register as the inbox list shows it (same filters, ordered by due date): type,
// received, due, the decision and its ground, and when the reply went out.

export type RequestFilter = Omit<z.output<typeof InboxList>, 'cursor' | 'limit'>;

interface Row {
  item: RequestSummary;
  decision: Pick<RequestRow, 'decision_outcome' | 'refusal_ground' | 'decided_at' | 'reply_sent_at'> | undefined;
  /** The grounds' wording as the rule catalogue has it now (Settings → Rules). */
  grounds: Grounds;
}

const L = (en: string, zh: string): Localized => ({ en, zh });
export const REQUEST_STATE_NAMES: Record<string, Localized> = {
  new: L('new', '新收到'),
  verifying: L('verifying identity', '核验身份中'),
  inProgress: L('in progress', '处理中'),
  answered: L('answered', '已答复'),
  refused: L('refused', '已拒绝'),
  withdrawn: L('withdrawn', '已撤回'),
  closed: L('closed', '已关闭'),
};
export const DECISION_NAMES: Record<string, Localized> = {
  fulfilled: L('fulfilled', '已满足'),
  partlyFulfilled: L('partly fulfilled', '部分满足'),
  refused: L('refused', '拒绝'),
};
const CHANNEL_NAMES: Record<string, Localized> = {
  email: L('e-mail', '电子邮件'),
  letter: L('letter', '信函'),
  phone: L('phone', '电话'),
  webForm: L('web form', '网页表单'),
  inPerson: L('in person', '当面'),
};

const columns: Column<Row>[] = [
  { header: L('Reference', '编号'), type: 'text', width: 16, value: (r) => r.item.ref },
  { header: L('Subject', '主题'), type: 'text', width: 36, value: (r) => r.item.subject },
  { header: L('Requester', '请求人'), type: 'text', width: 18, value: (r) => r.item.requesterName },
  { header: L('Type', '类型'), type: 'text', width: 26, value: (r, l) => pick(REQUEST_TYPE_LABEL[r.item.type], l) },
  { header: L('State', '状态'), type: 'text', width: 14, value: (r, l) => pick(REQUEST_STATE_NAMES[r.item.state], l) },
  { header: L('Jurisdiction', '法域'), type: 'text', width: 14, value: (r, l) => pick(JURISDICTION_NAMES[r.item.jurisdiction], l) },
  { header: L('Received by', '收到渠道'), type: 'text', width: 12, value: (r, l) => pick(CHANNEL_NAMES[r.item.channel] ?? L(r.item.channel, r.item.channel), l) },
  { header: L('Received', '收到时间'), type: 'instant', width: 18, value: (r) => r.item.receivedAt },
  { header: L('Reply due', '答复期限'), type: 'instant', width: 18, value: (r) => r.item.dueAt },
  { header: L('Due state', '期限状态'), type: 'text', width: 12, value: (r, l) => pick(DEADLINE_STATE_NAMES[r.item.dueState], l) },
  { header: L('Decision', '决定'), type: 'text', width: 14, value: (r, l) => (r.decision?.decision_outcome ? pick(DECISION_NAMES[r.decision.decision_outcome], l) : null) },
  {
    header: L('Refusal ground', '拒绝理由'),
    type: 'text',
    width: 40,
    value: (r, l) => {
      const g = r.decision?.refusal_ground as keyof Grounds | null | undefined;
      return g && r.grounds[g] ? `(${r.grounds[g].n}) ${pick(r.grounds[g].text, l)}` : null;
    },
  },
  { header: L('Decided', '决定时间'), type: 'instant', width: 18, value: (r) => r.decision?.decided_at ?? null },
  { header: L('Answered at', '答复时间'), type: 'instant', width: 18, value: (r) => r.decision?.reply_sent_at ?? null },
];

export const requestRegister: RegisterSource<RequestFilter, Row> = {
  sheetName: L('Requests', '请求与投诉台账'),
  columns,
  *pages(session: Session, filter) {
    const repo = new InboxRepo(session.db);
    const { grounds } = refusalGroundsOf(session);
    let cursor: string | null = null;
    do {
      const page = listRequests(session, { ...filter, cursor, limit: EXPORT_PAGE });
      const decisions = repo.decisions(page.items.map((i) => i.id));
      yield page.items.map((item) => ({ item, decision: decisions.get(item.id), grounds }));
      cursor = page.nextCursor;
    } while (cursor);
  },
  count(session, filter) {
    const page = listRequests(session, { ...filter, cursor: null, limit: 1 });
    return page.totalIsAtLeast ? null : page.total;
  },
};
