import { asTranslatable } from '../../preload/contract/common';
import type { Migration } from '../store/migration';
import { timelineActionCode } from '../../preload/contract/incident-timeline';
import { readStoredSentence } from './timeline-sentences';

export const incidentsMigrations: Migration[] = [
  {
    version: 200,
    name: 'incident register: incidents, obligation marks, timeline',
    up(db) {
      db.exec(`
        CREATE TABLE incidents (
          id TEXT PRIMARY KEY,
          ref TEXT NOT NULL UNIQUE,
          ref_year INTEGER NOT NULL,
          ref_seq INTEGER NOT NULL,
          title TEXT NOT NULL,
          state TEXT NOT NULL,
          discovered_at TEXT NOT NULL,
          -- the grade in force (the DPO's override, else the computed one); the list filters on it
          grade TEXT NOT NULL,
          grade_override TEXT,
          -- ',CN,EU,' so a jurisdiction filter is a LIKE on the row being scanned in sort order
          jurisdictions TEXT NOT NULL,
          individuals_affected INTEGER NOT NULL,
          -- earliest open fixed-time clock; '~' (sorts after any instant) when none, so "next due" sorts last
          next_due_at TEXT NOT NULL,
          facts TEXT NOT NULL,
          version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          closed_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX incidents_ref_number ON incidents(ref_year, ref_seq);
        CREATE INDEX incidents_by_discovery ON incidents(discovered_at, id);
        CREATE INDEX incidents_by_next_due ON incidents(next_due_at, id);
        CREATE INDEX incidents_by_state ON incidents(state, discovered_at, id);
        CREATE INDEX incidents_by_grade ON incidents(grade, discovered_at, id);

        -- What the DPO recorded about an obligation; whether it applies is recomputed from the facts.
        CREATE TABLE incident_obligations (
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          key TEXT NOT NULL,
          override TEXT,
          done TEXT,
          PRIMARY KEY (incident_id, key)
        ) STRICT;

        CREATE TABLE incident_timeline (
          id INTEGER PRIMARY KEY,
          incident_id TEXT NOT NULL REFERENCES incidents(id),
          at TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          actor TEXT NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL
        ) STRICT;
        CREATE INDEX incident_timeline_by_incident ON incident_timeline(incident_id, at, id);
      `);
    },
  },
  {
    version: 201,
    name: 'incident facts beside the register row, so list scans read small rows',
    up(db) {
      // The list filters and counts by scanning the incidents table; the facts JSON (often
      // kilobytes) made every scanned row span pages. It moves to a table read only by `get`.
      db.exec(`
        CREATE TABLE incident_details (
          incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
          facts TEXT NOT NULL,
          grade_override TEXT
        ) STRICT;
        INSERT INTO incident_details (incident_id, facts, grade_override) SELECT id, facts, grade_override FROM incidents;
        ALTER TABLE incidents DROP COLUMN facts;
        ALTER TABLE incidents DROP COLUMN grade_override;
      `);
    },
  },
  {
    version: 210,
    name: 'incident list: next due includes "immediately" duties; overdue kept apart',
    up(db) {
      // The list's "next due" skipped the pending "immediately" duties (PIPL Art. 57); they now
      // sort first. Overdue is decided on the earliest fixed due time, kept in its own column.
      db.exec(`
        ALTER TABLE incidents ADD COLUMN next_due_immediate INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE incidents ADD COLUMN overdue_from TEXT NOT NULL DEFAULT '~';
        UPDATE incidents SET overdue_from = next_due_at;
        UPDATE incidents SET
          next_due_at = (SELECT min(d.due_at) FROM deadlines d WHERE d.module = 'incidents' AND d.record_id = incidents.id AND d.stored_state = 'open' AND d.clock = 'immediate'),
          next_due_immediate = 1
        WHERE EXISTS (SELECT 1 FROM deadlines d WHERE d.module = 'incidents' AND d.record_id = incidents.id AND d.stored_state = 'open' AND d.clock = 'immediate'
                      AND d.due_at < incidents.next_due_at);
      `);
    },
  },
  {
    version: 220,
    name: 'a record created by mistake can be voided',
    up(db) {
      // Voided: kept (and audited) but greyed, out of the lists' counts and off the board.
      db.exec(`
        ALTER TABLE incidents ADD COLUMN voided_at TEXT;
        ALTER TABLE incidents ADD COLUMN voided_note TEXT;
      `);
    },
  },
  {
    version: 230,
    name: 'incident free-text facts as {zh, en} pairs (typed once, optional translation)',
    up(db) {
      // Issue 13: a Chinese notice must not print English. Each stored string is filed by its
      // script (any Han character → Chinese, else English); the other version stays empty until
      // the DPO adds it. The list is this migration's own: later facts get their own migration.
      const keys = ['description', 'cause', 'harmAssessment', 'measuresTaken', 'measuresPlanned', 'adviceToIndividuals', 'remediesOffered', 'harmAvoidedReason'];
      const rows = db.prepare<[], { id: string; facts: string }>('SELECT incident_id AS id, facts FROM incident_details').all();
      const save = db.prepare('UPDATE incident_details SET facts = ? WHERE incident_id = ?');
      for (const row of rows) {
        const facts = JSON.parse(row.facts) as Record<string, unknown>;
        let changed = false;
        for (const k of keys) {
          if (typeof facts[k] === 'string') (facts[k] = asTranslatable(facts[k])), (changed = true);
        }
        if (changed) save.run(JSON.stringify(facts), row.id);
      }
    },
  },
  {
    version: 260,
    name: 'incident timeline stored as action and parameters',
    up(db) {
      // The timeline stored sentences in both languages: they could not follow the display zone or
      // be counted. Entries now keep what happened as data; the older ones are read back where
      // their sentence reads exactly, the others keep the sentence as their text.
      db.exec(`
        ALTER TABLE incident_timeline ADD COLUMN action TEXT;
        ALTER TABLE incident_timeline ADD COLUMN params TEXT;
      `);
      const rows = db.prepare<[], { id: number; kind: string; text: string }>('SELECT id, kind, text FROM incident_timeline').all();
      const set = db.prepare('UPDATE incident_timeline SET action = ?, params = ? WHERE id = ?');
      for (const row of rows) {
        const event = readStoredSentence(row.kind, row.text);
        if (event) set.run(timelineActionCode(event.action), JSON.stringify(event.params), row.id);
      }
    },
  },
];
