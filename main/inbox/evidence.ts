import type { Session } from '../shared/session';
import { InboxRepo } from './repo';

/** The original message files kept in the vault for a request (the evidence pack's originals/). */
export function originalMessages(session: Session, requestId: string): { messageId: string; bytes: Buffer }[] {
  const repo = new InboxRepo(session.db);
  const out: { messageId: string; bytes: Buffer }[] = [];
  for (const m of repo.messages(requestId)) {
    if (!m.raw_id) continue;
    const bytes = repo.rawBytes(m.raw_id);
    if (bytes) out.push({ messageId: m.id, bytes });
  }
  return out;
}
