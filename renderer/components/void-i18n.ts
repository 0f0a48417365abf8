import { defineMessages } from '../i18n';

export const voidText = defineMessages({
  en: {
    void: 'Void (created by mistake)',
    voidTitle: 'Void this record?',
    voidReason: 'Why it was created by mistake',
    voidExplain: 'The record is kept and stays in the audit log, greyed; it leaves the lists, the counts and the deadline board. You can restore it.',
    voidedBanner: 'Voided on {at} by {by}: {reason}. It is out of the counts and off the deadline board.',
    restore: 'Restore',
    restoreTitle: 'Restore this record?',
    restoreReason: 'Why it is restored',
    showVoided: 'Show voided',
    voidedRow: 'Voided: {reason}',
  },
  'zh-CN': {
    void: '作废（误建）',
    voidTitle: '作废此记录？',
    voidReason: '误建的原因',
    voidExplain: '记录会保留并以灰色显示，审计日志中仍可查；它将不再出现在列表、计数和期限看板中。之后可以恢复。',
    voidedBanner: '{by} 于 {at} 作废：{reason}。该记录已不计入统计，也不在期限看板中。',
    restore: '恢复',
    restoreTitle: '恢复此记录？',
    restoreReason: '恢复的原因',
    showVoided: '显示已作废',
    voidedRow: '已作废：{reason}',
  },
});
