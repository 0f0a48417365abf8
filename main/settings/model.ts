import type { Settings } from '../../preload/contract/settings';

export const DEFAULT_SETTINGS: Omit<Settings, 'profile'> = {
  defaultLanguage: 'zh-CN',
  autoLockMinutes: 15,
  ciiOperator: false,
  dueSoonHours: 48,
  pauseClockForIdentity: false,
  fileRoots: null,
};
