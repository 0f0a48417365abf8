import type { z } from 'zod';
import type { Deadline, DeadlinesListInput } from '../../preload/contract/deadlines';
import { DEADLINE_STATE_NAMES, MODULE_NAMES } from '../exports/labels';
import { pick, type Column, type Localized, type RegisterSource } from '../exports/model';
import { listBoard } from './board';

// The deadline board as a table: every clock the board shows (same state/module/due filters, in
// due order), with its rule, legal basis, start and due, and how it ended.

export type DeadlineFilter = Omit<z.output<typeof DeadlinesListInput>, 'cursor' | 'limit'>;

const L = (en: string, zh: string): Localized => ({ en, zh });
/** The board's pages are large: a deadline row is small and the board is the longest register. */
const PAGE = 2_000;

const columns: Column<Deadline>[] = [
  { header: L('Record', '记录'), type: 'text', width: 16, value: (d) => d.recordRef },
  { header: L('Record title', '记录标题'), type: 'text', width: 32, value: (d) => d.recordTitle },
  { header: L('Module', '模块'), type: 'text', width: 10, value: (d, l) => pick(MODULE_NAMES[d.module], l) },
  { header: L('Obligation', '义务'), type: 'text', width: 34, value: (d, l) => pick(d.rule, l) },
  { header: L('Legal basis', '法律依据'), type: 'text', width: 34, value: (d, l) => pick(d.basis, l) },
  { header: L('Starts', '起算'), type: 'instant', width: 18, value: (d) => d.startAt },
  { header: L('Due', '期限'), type: 'instant', width: 18, value: (d) => (d.clock === 'immediate' ? null : d.dueAt) },
  { header: L('State', '状态'), type: 'text', width: 12, value: (d, l) => pick(DEADLINE_STATE_NAMES[d.state], l) },
  { header: L('Met at', '完成时间'), type: 'instant', width: 18, value: (d) => d.metAt },
  { header: L('Waived because', '豁免理由'), type: 'text', width: 24, value: (d) => d.waivedReason },
  { header: L('Due date changed because', '期限调整理由'), type: 'text', width: 24, value: (d) => d.override?.reason ?? null },
  {
    header: L('Calendar', '日历'),
    type: 'text',
    width: 24,
    value: (d, l) =>
      d.calendar?.missingYears.length
        ? l === 'zh-CN'
          ? `${d.calendar.missingYears.join('、')} 年无官方日历（仅按周末计算）`
          : `no official calendar for ${d.calendar.missingYears.join(', ')} (weekends only)`
        : null,
  },
];

export const deadlineRegister: RegisterSource<DeadlineFilter, Deadline> = {
  sheetName: L('Deadlines', '期限看板'),
  columns,
  *pages(session, filter) {
    let cursor: string | null = null;
    do {
      const page = listBoard(session, { ...filter, cursor, limit: PAGE });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  },
  count: () => null,
};
