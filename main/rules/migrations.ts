import { randomUUID } from 'node:crypto';
import type { Migration } from '../store/migration';
import { shippedVersions } from './catalogue';
import { SHIPPED_RULES } from './seed';

// The rule catalogue (900–999). Seeded with the catalogue this release ships; from then on the
// vault's rows are the catalogue the engines apply, and the DPO's edits and imported packs change them.

export const rulesMigrations: Migration[] = [
  {
    version: 900,
    name: 'rule catalogue: dated versions of every rule, trusted rule-pack publishers',
    up(db) {
      db.exec(`
        CREATE TABLE rule_versions (
          id TEXT PRIMARY KEY,
          rule_key TEXT NOT NULL,
          -- YYYY-MM-DD, both inclusive; NULL is open-ended
          effective_from TEXT,
          effective_to TEXT,
          name TEXT NOT NULL,
          basis TEXT NOT NULL,
          source TEXT NOT NULL,
          params TEXT NOT NULL,
          revision INTEGER NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('shipped', 'edited', 'imported')),
          reason TEXT NOT NULL,
          changed_at TEXT NOT NULL,
          changed_by TEXT NOT NULL,
          -- random per write: the loaders' cache key
          rev TEXT NOT NULL
        ) STRICT;
        CREATE INDEX rule_versions_key ON rule_versions (rule_key, effective_from);

        CREATE TABLE rule_publishers (
          fingerprint TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          public_key TEXT NOT NULL,
          added_at TEXT NOT NULL
        ) STRICT;
      `);
      const insert = db.prepare(
        `INSERT INTO rule_versions (id, rule_key, effective_from, effective_to, name, basis, source, params, revision, origin, reason, changed_at, changed_by, rev)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 'shipped', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'DPO Workstation', ?)`,
      );
      for (const rule of SHIPPED_RULES) {
        for (const v of shippedVersions(rule.def.key)) {
          insert.run(v.id, v.key, v.effectiveFrom, v.effectiveTo, JSON.stringify(v.name), JSON.stringify(v.basis), JSON.stringify(v.source), JSON.stringify(v.params), v.reason, randomUUID());
        }
      }
    },
  },
];
