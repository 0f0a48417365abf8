import type { NoticeSource } from '../shared/notice-source';

// Filled in by the inbox module: the merge fields of one record and what dispatch means for it.
export const inboxNoticeSource: NoticeSource = {
  fields: () => null,
};
