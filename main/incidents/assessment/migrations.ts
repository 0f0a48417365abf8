import type { Migration } from '../../store/migration';

// Issue 17: the guided breach assessment is saved as a draft as it goes, so the DPO can stop and
// resume. A draft is the answers as given (JSON, the contract's AssessmentAnswers) and the step
// reached; logging it creates the incident and keeps the draft as logged (with the incident),
// so "which assessment became which incident" stays readable. 230 is left for the incident
// module's own next step.

export const assessmentMigrations: Migration[] = [
  {
    version: 240,
    name: 'guided breach assessment drafts',
    up(db) {
      db.exec(`
        CREATE TABLE incident_assessment_drafts (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          step TEXT NOT NULL,
          answers TEXT NOT NULL,
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          -- set when "Log the incident" made the incident from it
          incident_id TEXT REFERENCES incidents(id),
          logged_at TEXT
        ) STRICT;
        -- The drafts list: those not logged yet, last worked on first.
        CREATE INDEX incident_assessment_drafts_open ON incident_assessment_drafts (updated_at) WHERE incident_id IS NULL;
      `);
    },
  },
];
