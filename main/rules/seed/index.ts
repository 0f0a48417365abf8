import type { RuleDefinition, ShippedRule } from '../model';
import { ABROAD_DEADLINES } from './deadlines-abroad';
import { CN_DEADLINES } from './deadlines-cn';
import { NOTICE_RULES } from './notices';
import { POLICY_RULES } from './policy';
import { THRESHOLD_RULES } from './thresholds';

/** The catalogue as this release ships it: what migration 900 seeds into a vault. */
export const SHIPPED_RULES: readonly ShippedRule[] = [...CN_DEADLINES, ...ABROAD_DEADLINES, ...THRESHOLD_RULES, ...NOTICE_RULES, ...POLICY_RULES];

/** What code knows of every rule (shape, zone, users), by key. */
export const DEFINITIONS: ReadonlyMap<string, RuleDefinition> = new Map(SHIPPED_RULES.map((r) => [r.def.key, r.def]));
