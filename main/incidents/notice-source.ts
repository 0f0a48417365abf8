import type { NoticeSource } from '../shared/notice-source';

// Filled in by the incidents module: the merge fields of one record and what dispatch means for it.
export const incidentsNoticeSource: NoticeSource = {
  fields: () => null,
};
