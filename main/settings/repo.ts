import type { Db } from '../store/database';
import { prepared } from '../store/prepared';

export class SettingsRepo {
  constructor(private readonly db: Db) {}

  read(key: string): unknown {
    const text = this.text(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** The stored JSON text, unparsed. */
  text(key: string): string | undefined {
    return prepared<[string], { value: string }>(this.db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value;
  }

  write(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }
}
