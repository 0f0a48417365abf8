import { registerActivity, type ActivityMessage } from '../../components/activity';

// Backups and restores in the audit log, from the stored parameters (both languages).

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const mb = (bytes: unknown) => (typeof bytes === 'number' ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '');
const short = (sha: unknown) => (typeof sha === 'string' ? `${sha.slice(0, 12)}…` : '');

registerActivity({
  'vault.backup': both(
    (p, h) => `${p.automatic ? 'Automatic backup' : 'Backup'} written and verified: ${h.s('name')} (${mb(p.size)}, SHA-256 ${short(p.sha256)})`,
    (p, h) => `${p.automatic ? '自动备份' : '备份'}已写入并校验：${h.s('name')}（${mb(p.size)}，SHA-256 ${short(p.sha256)}）`,
  ),
  'vault.backupFailed': both(
    (_p, h) => `Automatic backup failed${h.dash(h.s('message'))}`,
    (_p, h) => `自动备份失败${h.dash(h.s('message'))}`,
  ),
  'backups.configure': both(
    (p) => {
      const a = (p.after ?? {}) as { folder?: string | null; enabled?: boolean; keep?: number };
      return a.enabled === false ? 'Automatic backups turned off' : `Automatic backups set${a.folder ? ` to ${a.folder}` : ''}${a.keep ? `, keeping ${a.keep}` : ''}`;
    },
    (p) => {
      const a = (p.after ?? {}) as { folder?: string | null; enabled?: boolean; keep?: number };
      return a.enabled === false ? '已关闭自动备份' : `自动备份已设置${a.folder ? `：${a.folder}` : ''}${a.keep ? `，保留 ${a.keep} 份` : ''}`;
    },
  ),
  'backups.rotate': both(
    (p, h) => {
      const n = Array.isArray(p.deleted) ? p.deleted.length : 0;
      return `Rotation deleted ${h.n(n)} older automatic ${n === 1 ? 'backup' : 'backups'}`;
    },
    (p, h) => `轮换删除了 ${h.n(Array.isArray(p.deleted) ? p.deleted.length : 0)} 份较早的自动备份`,
  ),
  'vault.restore': both(
    (p, h) => {
      const b = (p.backup ?? {}) as { name?: string };
      return `Vault restored from the backup ${b.name ?? ''} of ${h.instant(p.createdAt)}${p.keptAs ? `; the vault before it was kept as ${String(p.keptAs)}` : ''}`;
    },
    (p, h) => {
      const b = (p.backup ?? {}) as { name?: string };
      return `已从 ${h.instant(p.createdAt)} 的备份 ${b.name ?? ''} 恢复保险库${p.keptAs ? `；恢复前的保险库保留为 ${String(p.keptAs)}` : ''}`;
    },
  ),
  'vault.failedUnlocks': both(
    (p, h) => `${h.n(p.count)} failed unlock ${p.count === 1 ? 'attempt' : 'attempts'} since the last unlock, the last at ${h.instant(p.lastAt)}`,
    (p, h) => `自上次解锁以来有 ${h.n(p.count)} 次解锁失败，最近一次在 ${h.instant(p.lastAt)}`,
  ),
  'vault.newRecoveryCode': both(() => 'A new recovery code replaced the old one', () => '新的恢复码已取代旧恢复码'),
  'vault.recover': both(
    () => 'New passphrase chosen after unlocking with the recovery code; a new recovery code replaced the old one',
    () => '使用恢复码解锁后已设置新口令；新的恢复码已取代旧恢复码',
  ),
});
