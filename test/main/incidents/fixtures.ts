import { DEFAULT_FACTS, type IncidentFacts } from '../../../main/incidents/model';

export const DISCOVERED = '2026-11-29T02:00:00.000Z';

/** A complete fact set for the pure rules: a CN-only leak of 1,000 people unless told otherwise. */
export const facts = (over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  ...DEFAULT_FACTS,
  title: 'Leak',
  discoveredAt: DISCOVERED,
  individualsAffected: 1000,
  jurisdictions: ['CN'],
  ...over,
});
