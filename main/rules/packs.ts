import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { LocalizedText } from '../../preload/contract/common';
import { checkDates, checkParams, checkSource, type Problems } from './check';
import type { ShippedVersion } from './model';
import { DEFINITIONS } from './seed';
import { problem, type Problem } from '../shared/errors';

// Rule packs: the catalogue (or part of it) as one JSON file a compliance team sends to every
// DPO's machine. Pure: parsing, checking, canonical bytes and the Ed25519 signature check.

export const PACK_FORMAT = 'dpo-workstation/rule-pack';
export const PACK_VERSION = 1;

export interface PackRule {
  key: string;
  versions: ShippedVersion[];
}

export interface Pack {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_VERSION;
  publisher: string | null;
  createdAt: string | null;
  rules: PackRule[];
  signature?: { algorithm: 'Ed25519'; publicKey: string; value: string };
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The bytes a signature covers: the pack without its signature, as JSON with every object's keys
 * sorted and no spaces (so re-indenting the file does not break it). Strings and integers only
 * occur in packs, so JSON.stringify's own escaping and numbers are canonical.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const signedBytes = (pack: Omit<Pack, 'signature'> & { signature?: unknown }): Buffer => {
  const { signature: _omit, ...rest } = pack;
  return Buffer.from(canonicalJson(rest), 'utf8');
};

// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): 12 bytes before the raw 32-byte key.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A publisher key as pasted: PEM (SPKI), or base64 of the raw 32 bytes or of the SPKI DER. */
export function parsePublicKey(text: string): { key: KeyObject; fingerprint: string } | null {
  try {
    const trimmed = text.trim();
    let key: KeyObject;
    if (trimmed.startsWith('-----BEGIN')) key = createPublicKey(trimmed);
    else {
      const bytes = Buffer.from(trimmed, 'base64');
      key = createPublicKey({ key: bytes.length === 32 ? Buffer.concat([ED25519_SPKI_PREFIX, bytes]) : bytes, format: 'der', type: 'spki' });
    }
    if (key.asymmetricKeyType !== 'ed25519') return null;
    const raw = (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(ED25519_SPKI_PREFIX.length);
    return { key, fingerprint: createHash('sha256').update(raw).digest('hex') };
  } catch {
    return null;
  }
}

export type PackCheck =
  | { ok: true; pack: Pack }
  | { ok: false; path: string; message: Problem; pack?: Pack };

const first = (problems: Problems): { path: string; message: Problem } | null => {
  const [path, message] = Object.entries(problems)[0] ?? [];
  return path ? { path, message } : null;
};

/** Parses and checks a pack; the first bad entry is named by its path (rules.2.versions.0.params.period.days). */
export function checkPack(text: string): PackCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, path: 'file', message: problem('notJsonFile') };
  }
  const obj = data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, path: 'file', message: problem('notPackObject') };
  if (obj.format !== PACK_FORMAT) return { ok: false, path: 'format', message: problem('notPackFormat', { format: PACK_FORMAT }) };
  if (obj.formatVersion !== PACK_VERSION) return { ok: false, path: 'formatVersion', message: problem('packVersion', { version: String(obj.formatVersion), reads: PACK_VERSION }) };
  for (const k of Object.keys(obj)) {
    if (!['format', 'formatVersion', 'publisher', 'createdAt', 'rules', 'signature'].includes(k)) return { ok: false, path: k, message: problem('unknownField') };
  }
  if (obj.publisher !== undefined && obj.publisher !== null && (typeof obj.publisher !== 'string' || obj.publisher.length > 200)) return { ok: false, path: 'publisher', message: problem('nameUpTo', { max: 200 }) };
  if (!Array.isArray(obj.rules) || obj.rules.length === 0) return { ok: false, path: 'rules', message: problem('packEmpty') };
  const seen = new Set<string>();
  for (let r = 0; r < obj.rules.length; r++) {
    const rule = obj.rules[r] as Record<string, unknown>;
    const at = `rules.${r}`;
    if (typeof rule !== 'object' || rule === null) return { ok: false, path: at, message: problem('ruleEntry') };
    for (const k of Object.keys(rule)) if (k !== 'key' && k !== 'versions') return { ok: false, path: `${at}.${k}`, message: problem('unknownField') };
    const def = typeof rule.key === 'string' ? DEFINITIONS.get(rule.key) : undefined;
    if (!def) return { ok: false, path: `${at}.key`, message: problem('unknownRuleKey', { key: String(rule.key) }) };
    if (seen.has(def.key)) return { ok: false, path: `${at}.key`, message: problem('ruleTwice', { key: def.key }) };
    seen.add(def.key);
    if (!Array.isArray(rule.versions) || rule.versions.length === 0) return { ok: false, path: `${at}.versions`, message: problem('ruleNeedsVersion') };
    for (let i = 0; i < rule.versions.length; i++) {
      const v = rule.versions[i] as Record<string, unknown>;
      const vat = `${at}.versions.${i}`;
      if (typeof v !== 'object' || v === null) return { ok: false, path: vat, message: problem('versionEntry') };
      for (const k of Object.keys(v)) {
        if (!['effectiveFrom', 'effectiveTo', 'name', 'basis', 'source', 'params'].includes(k)) return { ok: false, path: `${vat}.${k}`, message: problem('unknownField') };
      }
      for (const k of ['name', 'basis'] as const) {
        if (!LocalizedText.strict().safeParse(v[k]).success) return { ok: false, path: `${vat}.${k}`, message: problem('textBoth') };
      }
      const bad = first({ ...checkSource(v.source, `${vat}.source`), ...checkParams(def, v.params, `${vat}.params`) });
      if (bad) return { ok: false, ...bad };
      v.effectiveFrom ??= null;
      v.effectiveTo ??= null;
    }
    const dates = first(checkDates(rule.versions as ShippedVersion[], (i) => `${at}.versions.${i}`));
    if (dates) return { ok: false, ...dates };
  }
  const pack: Pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_VERSION,
    publisher: (obj.publisher as string | undefined) ?? null,
    createdAt: typeof obj.createdAt === 'string' ? obj.createdAt : null,
    rules: obj.rules as PackRule[],
  };
  if (obj.signature !== undefined) {
    const s = obj.signature as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || s.algorithm !== 'Ed25519' || typeof s.publicKey !== 'string' || typeof s.value !== 'string') {
      return { ok: false, path: 'signature', message: problem('signatureShape') };
    }
    pack.signature = { algorithm: 'Ed25519', publicKey: s.publicKey, value: s.value };
  }
  return { ok: true, pack };
}

export type SignatureState = { state: 'unsigned' } | { state: 'broken'; fingerprint: string | null } | { state: 'valid'; fingerprint: string };

/** Checks the signature over the pack's canonical bytes (the text as parsed, less the signature). */
export function checkSignature(text: string, pack: Pack): SignatureState {
  if (!pack.signature) return { state: 'unsigned' };
  const key = parsePublicKey(pack.signature.publicKey);
  if (!key) return { state: 'broken', fingerprint: null };
  const raw = JSON.parse(text) as Pack;
  try {
    const ok = verify(null, signedBytes(raw), key.key, Buffer.from(pack.signature.value, 'base64'));
    return ok ? { state: 'valid', fingerprint: key.fingerprint } : { state: 'broken', fingerprint: key.fingerprint };
  } catch {
    return { state: 'broken', fingerprint: key.fingerprint };
  }
}
