import type { LocalizedText } from '../../preload/contract/common';
import type { HoldKind, RefusalGround } from '../../preload/contract/inbox';
import { texts } from '../rules/catalogue';
import { loadCatalogue } from '../rules/load';
import type { Session } from '../shared/session';
import { HOLD_BASIS } from './model';

// The inbox's rules that are catalogue data: the privacy policy's refusal grounds (their wording
// is editable on Settings → Rules) and the statutory holds' bases (by the version in force then).

const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export type Grounds = Record<RefusalGround, { n: number; text: LocalizedText }>;

export function refusalGroundsOf(session: Pick<Session, 'db' | 'now'>): { grounds: Grounds; basis: LocalizedText } {
  const catalogue = loadCatalogue(session);
  const v = catalogue.at('policy.refusalGrounds', beijingToday(session.now())) ?? catalogue.versions('policy.refusalGrounds').at(-1)!;
  const rows = v.params.grounds as unknown as { ground: RefusalGround; n: number; text: LocalizedText }[];
  return { grounds: Object.fromEntries(rows.map((r) => [r.ground, { n: r.n, text: r.text }])) as Grounds, basis: texts(v).basis };
}

const HOLD_RULE: Partial<Record<HoldKind, string>> = { networkLogs: 'hold.networkLogs.6m', transactions: 'hold.transactions.3y' };

/** A hold's basis: for the statutory holds, the catalogue version in force on the date the keeping runs from. */
export function holdBasisOf(session: Pick<Session, 'db'>, kind: HoldKind, from: string | null): LocalizedText {
  const key = HOLD_RULE[kind];
  if (!key || !from) return HOLD_BASIS[kind];
  const v = loadCatalogue(session).at(key, from);
  return v ? texts(v).basis : HOLD_BASIS[kind];
}

/** Minors Regulations Art. 34(3): a refusal of a minor's or guardian's request is in writing with reasons. */
export function minorsRefusalRule(session: Pick<Session, 'db' | 'now'>): { rule: LocalizedText; basis: LocalizedText; inWriting: boolean } | null {
  const v = loadCatalogue(session).at('minors.refusal', beijingToday(session.now()));
  return v ? { rule: texts(v).name, basis: texts(v).basis, inWriting: v.params.inWriting === true } : null;
}
