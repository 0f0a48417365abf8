import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost. N = 2^17 with r = 8 uses 128 MiB and ~0.3 s here: memory-hard against GPUs. */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * What a key file may ask of scrypt, checked before deriving: a tampered key file must not
 * make unlock take seconds or gigabytes. The app writes N = 2^17, r = 8, p = 1 (128 MiB);
 * tests write N = 2^12. The work (128·N·r·p bytes) may be at most twice the default's.
 */
export const KDF_BOUNDS = { minN: 2 ** 10, maxN: 2 ** 18, maxR: 16, maxP: 4, maxWorkBytes: 256 * 1024 * 1024 } as const;

/** Why scrypt parameters are refused, or null. */
export function kdfProblem(kdf: unknown): string | null {
  if (!kdf || typeof kdf !== 'object') return 'the scrypt parameters are missing';
  const { N, r, p } = kdf as Record<string, unknown>;
  if (![N, r, p].every((v) => Number.isSafeInteger(v) && (v as number) > 0)) return 'the scrypt parameters are not whole numbers';
  const [n, rr, pp] = [N, r, p] as number[];
  if ((n & (n - 1)) !== 0 || n < KDF_BOUNDS.minN || n > KDF_BOUNDS.maxN) return `scrypt N = ${n} is outside 2^10…2^18`;
  if (rr > KDF_BOUNDS.maxR || pp > KDF_BOUNDS.maxP) return `scrypt r = ${rr}, p = ${pp} is outside r ≤ ${KDF_BOUNDS.maxR}, p ≤ ${KDF_BOUNDS.maxP}`;
  if (128 * n * rr * pp > KDF_BOUNDS.maxWorkBytes) return `scrypt N·r·p = ${n}·${rr}·${pp} asks for more than 256 MiB`;
  return null;
}

interface WrappedKey {
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
  kdf: KdfParams;
}

/** The small key file beside the vault: the database key wrapped twice. */
export interface KeyFile {
  format: 'dpo-vault-key';
  version: 1;
  cipher: 'sqlcipher-v4';
  byPassphrase: WrappedKey;
  byRecoveryCode: WrappedKey;
  /**
   * The first 16 bytes of this vault's vault.db (SQLCipher's plaintext salt, kept by backups
   * and restores), hex. Tells "another vault's database" from "a damaged one" without the key.
   * Absent in key files written before it; added at the next unlock.
   */
  dbSalt?: string;
}

/** A key file that cannot be used, and why: not the JSON we write, or parameters we refuse. */
export class KeyFileProblem extends Error {
  constructor(
    readonly kind: 'malformed' | 'params',
    message: string,
  ) {
    super(message);
  }
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function checkWrapped(w: unknown, name: string): WrappedKey {
  if (!w || typeof w !== 'object') throw new KeyFileProblem('malformed', `${name} is missing`);
  const o = w as Record<string, unknown>;
  const sizes: [keyof WrappedKey, number][] = [['salt', 16], ['iv', 12], ['tag', 16], ['ciphertext', 32]];
  for (const [field, bytes] of sizes) {
    const v = o[field];
    if (typeof v !== 'string' || !B64.test(v) || Buffer.from(v, 'base64').length !== bytes) {
      throw new KeyFileProblem('params', `${name}.${field} is not ${bytes} bytes of base64`);
    }
  }
  const problem = kdfProblem(o.kdf);
  if (problem) throw new KeyFileProblem('params', `${name}: ${problem}`);
  const { N, r, p } = o.kdf as KdfParams;
  return { salt: o.salt as string, iv: o.iv as string, tag: o.tag as string, ciphertext: o.ciphertext as string, kdf: { N, r, p } };
}

/** Parses and bounds a key file's text before anything is derived from it. Throws KeyFileProblem. */
export function parseKeyFile(text: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new KeyFileProblem('malformed', 'it is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new KeyFileProblem('malformed', 'it is not a JSON object');
  const o = raw as Record<string, unknown>;
  if (o.format !== 'dpo-vault-key') throw new KeyFileProblem('malformed', 'it is not a DPO Workstation key file');
  if (o.version !== 1 || o.cipher !== 'sqlcipher-v4') {
    throw new KeyFileProblem('params', `its version (${String(o.version)}) or cipher (${String(o.cipher)}) is not one this app knows`);
  }
  const dbSalt = o.dbSalt;
  if (dbSalt !== undefined && (typeof dbSalt !== 'string' || !/^[0-9a-f]{32}$/.test(dbSalt))) {
    throw new KeyFileProblem('params', 'dbSalt is not 16 bytes of hex');
  }
  return {
    format: 'dpo-vault-key',
    version: 1,
    cipher: 'sqlcipher-v4',
    byPassphrase: checkWrapped(o.byPassphrase, 'byPassphrase'),
    byRecoveryCode: checkWrapped(o.byRecoveryCode, 'byRecoveryCode'),
    ...(dbSalt ? { dbSalt } : {}),
  };
}

const AAD = Buffer.from('dpo-vault-key-v1');

/*
 * What JavaScript cannot promise about secrets. A passphrase arrives as a string (from the
 * HTTP body's JSON or Electron's IPC). JS strings are immutable and V8 may copy, flatten or
 * intern them; no API can overwrite one, so a passphrase stays in the heap until the collector
 * reuses its memory. What the code can do, it does: the string is turned into UTF-8 bytes here,
 * once, and those bytes, the derived key-encryption key and every buffer that held the database
 * key are zeroed after use; the HTTP host zeroes the raw request body after parsing; the vault
 * keeps no reference to the passphrase past the unlock, and lock zeroes the database and HMAC
 * keys. The strings' lifetime is the collector's.
 */
async function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  // NFKC so the same passphrase typed on another keyboard layout derives the same key.
  const password = Buffer.from(secret.normalize('NFKC'), 'utf8');
  try {
    return await scrypt(password, salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 });
  } finally {
    password.fill(0);
  }
}

export async function wrapKey(dbKey: Buffer, secret: string, kdf: KdfParams): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(secret, salt, kdf);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    return {
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      kdf,
    };
  } finally {
    kek.fill(0);
  }
}

/**
 * Returns the database key, or null when the secret is wrong (GCM authentication fails). Every
 * intermediate buffer that held key bytes (the decipher's output pieces, a key of the wrong
 * length) is zeroed here; the caller owns the returned Buffer and zeroes it at lock.
 */
export async function unwrapKey(wrapped: WrappedKey, secret: string): Promise<Buffer | null> {
  const problem = kdfProblem(wrapped.kdf);
  if (problem) throw new KeyFileProblem('params', problem);
  const kek = await deriveKek(secret, Buffer.from(wrapped.salt, 'base64'), wrapped.kdf);
  const pieces: Buffer[] = [];
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    pieces.push(decipher.update(Buffer.from(wrapped.ciphertext, 'base64')));
    pieces.push(decipher.final());
    const length = pieces.reduce((n, p) => n + p.length, 0);
    if (length !== 32) return null;
    // Buffer.alloc (not allocUnsafe/concat): the key gets its own memory, outside Node's shared
    // pool, so zeroing it later wipes the only copy.
    const key = Buffer.alloc(32);
    let at = 0;
    for (const p of pieces) at += p.copy(key, at);
    return key;
  } catch {
    return null;
  } finally {
    for (const p of pieces) p.fill(0);
    kek.fill(0);
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 25 base-32 symbols (125 bits) in five groups: easy to write down, hard to guess. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  const symbols = [...bytes].map((b) => CROCKFORD[b & 31]).join('');
  return symbols.match(/.{5}/g)!.join('-');
}

/** Accepts the code with any case, spaces or dashes, and the usual look-alikes (O→0, I/L→1). */
export function normaliseRecoveryCode(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return cleaned.match(/.{1,5}/g)?.join('-') ?? '';
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
