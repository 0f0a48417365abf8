import { Jurisdiction as JurisdictionSchema, type Jurisdiction } from '../../../preload/contract/common';
import type { CacGrade, IncidentState } from '../../../preload/contract/incidents';

// Display choices only (no rules): the order the DPO sees them in.
export const STATES: IncidentState[] = ['detected', 'assessing', 'contained', 'notifying', 'monitoring', 'closed'];
export const GRADES: CacGrade[] = ['general', 'relativelyMajor', 'major', 'particularlyMajor'];
// Every jurisdiction the rules know (issue 14: UK and the US states with their own clocks).
export const JURISDICTIONS: Jurisdiction[] = [...JurisdictionSchema.options];
export const NOTICE_KINDS = ['incident.individuals', 'incident.cac', 'gdpr.art33', 'gdpr.art34', 'ca.breach'] as const;
export type IncidentNoticeKind = (typeof NOTICE_KINDS)[number];
export const noticeKindKey = (k: IncidentNoticeKind) => `k_${k.replace('.', '_')}` as 'k_incident_individuals';

export const gradeTone = (g: CacGrade): 'neutral' | 'warn' | 'danger' => (g === 'general' ? 'neutral' : g === 'relativelyMajor' ? 'warn' : 'danger');

/** "a, b；c" → ['a', 'b', 'c'] (Chinese and Latin commas). */
export const splitList = (s: string): string[] =>
  s
    .split(/[,，;；、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
