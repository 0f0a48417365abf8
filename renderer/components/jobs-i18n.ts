import { defineMessages } from '../i18n';

/** Names of the session's long jobs (by JobInfo.kind) and what the shell says about them. */
export const jobsText = defineMessages({
  en: {
    cancelledByLockTitle: 'Locking stopped work that was running',
    cancelledByLockItem: '{kind} of {subject}: cancelled by the lock; its partial output was removed. Start it again when you are ready.',
    dismiss: 'Dismiss',
    kind_notices_mailMerge: 'Mail-merge',
    kind_backup: 'Backup',
    kind_autoBackup: 'Automatic backup',
    kind_attach: 'Attaching the file',
    kind_saveFile: 'Saving the file',
    kind_audit_verify: 'Audit log check',
    kind_other: 'A job',
  },
  'zh-CN': {
    cancelledByLockTitle: '锁定时停止了正在运行的任务',
    cancelledByLockItem: '{subject} 的{kind}：因锁定而取消，未完成的输出已删除。准备好后请重新开始。',
    dismiss: '知道了',
    kind_notices_mailMerge: '邮件合并',
    kind_backup: '备份',
    kind_autoBackup: '自动备份',
    kind_attach: '附加文件',
    kind_saveFile: '保存文件',
    kind_audit_verify: '审计日志校验',
    kind_other: '任务',
  },
});
