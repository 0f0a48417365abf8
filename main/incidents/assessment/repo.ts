import type { Db } from '../../store/database';

// SQL of the assessment drafts (migration 240).

export interface DraftRow {
  id: string;
  title: string;
  step: string;
  answers: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  incident_id: string | null;
  incident_ref?: string | null;
  logged_at: string | null;
}

export class DraftsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): DraftRow | undefined {
    return this.db
      .prepare<[string], DraftRow>('SELECT d.*, i.ref AS incident_ref FROM incident_assessment_drafts d LEFT JOIN incidents i ON i.id = d.incident_id WHERE d.id = ?')
      .get(id);
  }

  insert(r: Omit<DraftRow, 'incident_ref'>): void {
    this.db
      .prepare(
        `INSERT INTO incident_assessment_drafts (id, title, step, answers, created_at, created_by, updated_at, incident_id, logged_at)
         VALUES (@id, @title, @step, @answers, @created_at, @created_by, @updated_at, @incident_id, @logged_at)`,
      )
      .run(r);
  }

  update(id: string, r: Pick<DraftRow, 'title' | 'step' | 'answers' | 'updated_at'>): void {
    this.db.prepare('UPDATE incident_assessment_drafts SET title = @title, step = @step, answers = @answers, updated_at = @updated_at WHERE id = @id').run({ ...r, id });
  }

  markLogged(id: string, incidentId: string, at: string): void {
    this.db.prepare('UPDATE incident_assessment_drafts SET incident_id = ?, logged_at = ?, updated_at = ? WHERE id = ?').run(incidentId, at, at, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM incident_assessment_drafts WHERE id = ?').run(id);
  }

  /** Drafts not logged yet, last worked on first. */
  open(limit: number): DraftRow[] {
    return this.db
      .prepare<[number], DraftRow>('SELECT * FROM incident_assessment_drafts INDEXED BY incident_assessment_drafts_open WHERE incident_id IS NULL ORDER BY updated_at DESC LIMIT ?')
      .all(limit);
  }
}
