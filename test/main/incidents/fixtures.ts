import { DEFAULT_FACTS, type IncidentFacts } from '../../../main/incidents/model';
import { shippedCatalogue } from '../../../main/rules/catalogue';
import { must, rulesAt } from '../../../main/rules/resolve';

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

/** The shipped catalogue's versions in force at an instant (default: the discovery). */
export const rules = (at = DISCOVERED) => rulesAt(shippedCatalogue(), at);
export const rule = (key: string, at = DISCOVERED) => must(rules(at), key);
