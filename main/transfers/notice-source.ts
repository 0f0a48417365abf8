import type { NoticeSource } from '../shared/notice-source';

// Filled in by the transfers module: the merge fields of one record and what dispatch means for it.
export const transfersNoticeSource: NoticeSource = {
  fields: () => null,
};
