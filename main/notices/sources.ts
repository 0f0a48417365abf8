import type { LinkModule } from '../../preload/contract/notices';
import { inboxNoticeSource } from '../inbox/notice-source';
import { incidentsNoticeSource } from '../incidents/notice-source';
import type { NoticeSource } from '../shared/notice-source';
import { transfersNoticeSource } from '../transfers/notice-source';

/**
 * The registry of linked-record readers: the studio reads incidents, transfers and requests
 * only through these (ARCHITECTURE.md: never through another module's tables).
 */
const registry: Record<LinkModule, NoticeSource> = {
  incidents: incidentsNoticeSource,
  transfers: transfersNoticeSource,
  inbox: inboxNoticeSource,
};

export const noticeSource = (module: LinkModule): NoticeSource => registry[module];

/** Swaps one module's source (unit tests use a fake); returns the function that restores it. */
export function replaceNoticeSource(module: LinkModule, source: NoticeSource): () => void {
  const before = registry[module];
  registry[module] = source;
  return () => {
    registry[module] = before;
  };
}
