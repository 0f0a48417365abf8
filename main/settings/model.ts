import type { Settings } from '../../preload/contract/settings';

export const DEFAULT_SETTINGS: Omit<Settings, 'profile'> = {
  defaultLanguage: 'zh-CN',
  autoLockMinutes: 15,
  ciiOperator: false,
  dueSoonHours: 48,
  pauseClockForIdentity: false,
  fileRoots: null,
  // The company's zone (a Beijing company): every instant on the screen is shown in it.
  displayZone: 'Asia/Shanghai',
  attachmentMaxMB: 200,
};
