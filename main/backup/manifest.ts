import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { BackupCounts } from '../../preload/contract/backups';
import type { AuditAnchor } from '../audit/model';
import type { AppInfo } from '../shared/app-info';
import { AppError } from '../shared/errors';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './model';

export interface PartHash {
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 'dpo-backup-manifest';
  version: 1;
  createdAt: string;
  app: AppInfo;
  /** The schema of the database inside (user_version). */
  schemaVersion: number;
  counts: BackupCounts;
  auditHead: string | null;
  /**
   * The vault's signed audit anchor when the backup was made (DESIGN.md: the head is anchored
   * outside the database, in backups too). Absent in backups written before it was carried.
   */
  anchor?: AuditAnchor | null;
  parts: { 'vault.db': PartHash; 'vault.key': PartHash };
}

const AAD = Buffer.from('dpo-backup-manifest-v1');

const manifestKey = (dbKey: Buffer) => Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'dpo-backup-manifest-v1', 32));

export function formatEntry(): Buffer {
  return Buffer.from(JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION }));
}

export function checkFormatEntry(bytes: Buffer): void {
  let parsed: { format?: unknown; formatVersion?: unknown };
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('BACKUP_INVALID', 'This file is not a DPO Workstation backup (its first entry is not the format note).');
  }
  if (parsed.format !== BACKUP_FORMAT) throw new AppError('BACKUP_INVALID', 'This file is not a DPO Workstation backup.');
  if (parsed.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new AppError('BACKUP_NEWER', `This backup uses format ${String(parsed.formatVersion)}, which this version of the app cannot read. Install the newer version.`);
  }
}

/** The manifest sealed with AES-256-GCM under a key derived from the database key. */
export function sealManifest(manifest: Manifest, dbKey: Buffer): Buffer {
  const key = manifestKey(dbKey);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(manifest), 'utf8'), cipher.final()]);
    return Buffer.from(JSON.stringify({ iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }));
  } finally {
    key.fill(0);
  }
}

export function openManifest(sealed: Buffer, dbKey: Buffer): Manifest {
  const key = manifestKey(dbKey);
  try {
    const box = JSON.parse(sealed.toString('utf8')) as { iv: string; tag: string; ciphertext: string };
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
    const manifest = JSON.parse(plain.toString('utf8')) as Manifest;
    if (manifest.format !== 'dpo-backup-manifest' || manifest.version !== 1) throw new Error('unknown manifest');
    return manifest;
  } catch {
    throw new AppError('BACKUP_INVALID', 'The backup’s manifest is damaged or does not belong to its key file.');
  } finally {
    key.fill(0);
  }
}
