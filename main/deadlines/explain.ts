import { DateTime } from 'luxon';
import type { LocalizedText } from '../../preload/contract/common';
import { isWeekend, runsOf, type CalendarTrace } from '../calendar/rules';

// One sentence per deadline, in both languages, saying how the date was reached.

export type ExplainFacts =
  | { kind: 'immediate'; start: DateTime; zone: string }
  | { kind: 'hours'; hours: number; start: DateTime; due: DateTime; zone: string; crossedHolidays: string[] }
  | { kind: 'workingDays'; days: number; startDate: string; dueDate: string; business: boolean }
  | {
      kind: 'counted';
      unit: 'days' | 'months' | 'years';
      amount: number;
      startDate: string;
      lastDay: string;
      dueDate: string;
      clamped: boolean;
      prc: boolean;
    }
  | { kind: 'fixedDate'; dueDate: string };

const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const MONTH_EN = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const parts = (iso: string) => ({ m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
const weekday = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).weekday;

const dayEn = (iso: string) => `${MONTH_EN[parts(iso).m]} ${parts(iso).d}`;
const dayZh = (iso: string) => `${parts(iso).m}月${parts(iso).d}日`;

function runEn([a, b]: [string, string]): string {
  if (a === b) return dayEn(a);
  return parts(a).m === parts(b).m ? `${dayEn(a)}–${parts(b).d}` : `${dayEn(a)}–${dayEn(b)}`;
}
function runZh([a, b]: [string, string]): string {
  if (a === b) return dayZh(a);
  return parts(a).m === parts(b).m ? `${dayZh(a)}至${parts(b).d}日` : `${dayZh(a)}至${dayZh(b)}`;
}

const listEn = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function holidaysClause(holidays: string[]): LocalizedText | null {
  if (holidays.length === 0) return null;
  const runs = runsOf(holidays);
  const single = runs.length === 1 && runs[0][0] === runs[0][1];
  return {
    en: `${listEn(runs.map(runEn))} ${single ? 'is a holiday' : 'are holidays'}`,
    zh: `${runs.map(runZh).join('、')}为节假日`,
  };
}

function makeupClause(days: string[]): LocalizedText | null {
  if (days.length === 0) return null;
  return {
    en: `${listEn(days.map((d) => `${WEEKDAY_EN[weekday(d)]} ${dayEn(d)}`))} ${days.length === 1 ? 'is a working day' : 'are working days'}`,
    zh: `${days.map((d) => `${dayZh(d)}（${WEEKDAY_ZH[weekday(d)]}）`).join('、')}调休上班`,
  };
}

/** "Oct 1–7 are holidays, Sat Oct 10 is a working day" — the days that changed the count. */
function dayFacts(trace: CalendarTrace): LocalizedText | null {
  const parts = [holidaysClause(trace.holidays), makeupClause(trace.makeupWorkdays)].filter((c): c is LocalizedText => c !== null);
  return parts.length ? { en: parts.map((p) => p.en).join(', '), zh: parts.map((p) => p.zh).join('，') } : null;
}

function missingClause(trace: CalendarTrace): LocalizedText | null {
  const missing = [...trace.missingYears].sort();
  const provisional = [...trace.provisionalYears].sort();
  const parts: LocalizedText[] = [];
  if (missing.length) parts.push({ en: `${missing.join(', ')} calendar not loaded: weekends only assumed`, zh: `未加载${missing.join('、')}年节假日安排，仅按周末计算` });
  if (provisional.length) parts.push(provisionalMessage(provisional, true));
  return parts.length ? { en: parts.map((p) => p.en).join('; '), zh: parts.map((p) => p.zh).join('；') } : null;
}

/** "provisional until the 2027 schedule is loaded" — the deadline's own words for a provisional year. */
export function provisionalMessage(years: number[], withHow = false): LocalizedText {
  const en = years.join(' and ');
  const zh = years.join('、');
  return withHow
    ? {
        en: `the ${en} schedule is not loaded: counted on the statutory holidays (Holiday Measures Art. 2), provisional until the ${en} schedule is loaded`,
        zh: `未加载${zh}年放假安排：按《全国年节及纪念日放假办法》第二条的法定节日计算，加载${zh}年安排前为暂定结果`,
      }
    : { en: `Provisional until the ${en} schedule is loaded`, zh: `暂定：待加载${zh}年放假安排后确定` };
}

// The rule's zone in words (issue 13: no raw zone ids on screen); GDPR clocks count in the EU's
// institutional zone, California's in Pacific time.
const ZONE_WORDS: Record<string, { en: string; zh: string }> = {
  'Asia/Shanghai': { en: 'Beijing time', zh: '北京时间' },
  'Europe/Brussels': { en: 'Brussels time, the zone the GDPR clock is counted in', zh: '布鲁塞尔时间，GDPR 期限按此时区计算' },
  'America/Los_Angeles': { en: 'California time, the zone the California clock is counted in', zh: '加州时间，加州期限按此时区计算' },
};
const zoneEn = (zone: string) => ZONE_WORDS[zone]?.en ?? zone;
const zoneZh = (zone: string) => ZONE_WORDS[zone]?.zh ?? zone;
const stamp = (d: DateTime) => d.toFormat('yyyy-MM-dd HH:mm');

const join = (head: LocalizedText, clauses: (LocalizedText | null)[], tail: LocalizedText): LocalizedText => {
  const present = clauses.filter((c): c is LocalizedText => c !== null);
  return {
    en: [head.en, ...present.map((c) => c.en)].join('; ') + tail.en,
    zh: [head.zh, ...present.map((c) => c.zh)].join('；') + tail.zh,
  };
};

const UNIT_EN = { days: 'days', months: 'months', years: 'years' } as const;
const UNIT_ZH = { days: '日', months: '个月', years: '年' } as const;

export function explain(f: ExplainFacts, trace: CalendarTrace): LocalizedText {
  const missing = missingClause(trace);
  switch (f.kind) {
    case 'immediate':
      return {
        en: `Immediately from ${stamp(f.start)} (${zoneEn(f.zone)}): the law sets no hour limit, so the clock runs from the event`,
        zh: `自${stamp(f.start)}（${zoneZh(f.zone)}）起立即履行：法律未规定小时时限，时钟自事件发生时起算`,
      };
    case 'hours': {
      const runs = runsOf(f.crossedHolidays);
      const through: LocalizedText | null = runs.length
        ? {
            en: `it runs through the ${listEn(runs.map(runEn))} ${runs.length === 1 ? 'holiday' : 'holidays'}`,
            zh: `${runs.map(runZh).join('、')}节假日期间照常计算`,
          }
        : null;
      return join(
        {
          en: `${f.hours} ${f.hours === 1 ? 'hour' : 'hours'} from ${stamp(f.start)} (${zoneEn(f.zone)}); hour clocks do not stop for nights or holidays`,
          zh: `自${stamp(f.start)}（${zoneZh(f.zone)}）起${f.hours}小时；按小时计算的期间不因夜间或节假日中止`,
        },
        [through],
        { en: ` → ${stamp(f.due)}`, zh: ` → ${stamp(f.due)}` },
      );
    }
    case 'workingDays':
      return join(
        f.business
          ? { en: `${f.days} business days after ${f.startDate} (US federal holidays excluded)`, zh: `${f.startDate}后第${f.days}个工作日（不含美国联邦假日）` }
          : { en: `${f.days} working days after ${f.startDate}`, zh: `${f.startDate}后第${f.days}个工作日` },
        [dayFacts(trace), missing],
        { en: ` → ${f.dueDate}`, zh: ` → ${f.dueDate}` },
      );
    case 'counted': {
      const head = {
        en: `${f.amount} ${f.amount === 1 ? UNIT_EN[f.unit].replace(/s$/, '') : UNIT_EN[f.unit]} after ${f.startDate} → ${f.lastDay}`,
        zh: `${f.startDate}后${f.amount}${UNIT_ZH[f.unit]} → ${f.lastDay}`,
      };
      const clauses: (LocalizedText | null)[] = [];
      if (f.clamped) {
        const day = Number(f.startDate.slice(8));
        clauses.push({
          en: `${MONTH_EN[parts(f.lastDay).m]} has no day ${day}: the month's last day${f.prc ? ' (Civil Code Art. 202)' : ''}`,
          zh: `${parts(f.lastDay).m}月无${day}日，以该月最后一日为期间最后一日${f.prc ? '（《民法典》第二百零二条）' : ''}`,
        });
      }
      if (f.dueDate !== f.lastDay) {
        const rest = holidaysClause(trace.holidays);
        const weekendOnly = trace.holidays.length === 0 && isWeekend(f.lastDay);
        clauses.push({
          en: `${f.lastDay} is a rest day${rest ? ` (${rest.en})` : weekendOnly ? ' (a weekend)' : ''}, so the period ends on the next working day (Civil Code Art. 203)`,
          zh: `${f.lastDay}为休息日${rest ? `（${rest.zh}）` : weekendOnly ? '（周末）' : ''}，期间顺延至其后第一个工作日（《民法典》第二百零三条）`,
        });
      }
      clauses.push(missing);
      const tail = f.dueDate !== f.lastDay ? { en: ` → ${f.dueDate}`, zh: ` → ${f.dueDate}` } : { en: '', zh: '' };
      return join(head, clauses, tail);
    }
    case 'fixedDate':
      return { en: `Falls due on ${f.dueDate}, the date set on the record`, zh: `于记录中设定的日期${f.dueDate}届满` };
  }
}
