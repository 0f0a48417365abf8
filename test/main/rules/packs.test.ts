import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../main/rules/packs';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Rule packs: export, inspect (SHA-256 shown first), import what was inspected; every bad pack is
// refused naming its first bad entry, and nothing changes.

let tv: TestVault;
afterEach(() => tv?.cleanup());

interface PackJson {
  format: string;
  formatVersion: number;
  publisher: string;
  createdAt: string;
  rules: { key: string; versions: Record<string, unknown>[] }[];
  signature?: { algorithm: string; publicKey: string; value: string };
}

const exportOne = async (key: string): Promise<PackJson> => JSON.parse((await tv.ok('rules.exportPack', { keys: [key], publisher: 'Group compliance' })).json);
const text = (p: unknown) => JSON.stringify(p, null, 2);
const state = () => ({
  versions: tv.session.db.prepare('SELECT * FROM rule_versions ORDER BY id').all(),
  deadlines: tv.session.db.prepare('SELECT id, due_at, rule_version FROM deadlines ORDER BY id').all(),
  audit: (tv.session.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(12).toString('base64');
  return { raw, privateKey };
}
function signPack(p: PackJson, raw: string, privateKey: ReturnType<typeof keyPair>['privateKey']): PackJson {
  const { signature: _s, ...body } = p;
  return { ...body, signature: { algorithm: 'Ed25519', publicKey: raw, value: sign(null, Buffer.from(canonicalJson(body)), privateKey).toString('base64') } };
}
const withRights20 = (p: PackJson): PackJson => ({
  ...p,
  rules: p.rules.map((r) => ({ ...r, versions: r.versions.map((v) => ({ ...v, params: { ...(v.params as object), period: { kind: 'workingDays', days: 20 } } })) })),
});

describe('rule packs', () => {
  it('exports the catalogue as JSON with its SHA-256; inspecting it unchanged shows every rule "same"', async () => {
    tv = await makeTestVault();
    const out = await tv.ok('rules.exportPack', {});
    expect(out.sha256).toBe(sha256Hex(out.json));
    expect(out.filename).toBe('rule-pack-2026-11-29.json');
    const inspection = await tv.ok('rules.inspectPack', { text: out.json });
    expect(inspection).toMatchObject({ sha256: out.sha256, problem: null, signature: { state: 'unsigned' } });
    expect(inspection.rules.every((r) => r.change === 'same')).toBe(true);
    expect(inspection.rules.length).toBe(out.rules);
  });

  it('inspect shows the SHA-256 and what the pack would recompute; import needs that digest, then applies and audits it', async () => {
    tv = await makeTestVault();
    await tv.ok('inbox.create', { channel: 'email', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Access' });
    const pack = text(withRights20(await exportOne('request.rights.15wd')));
    const before = state();
    const inspection = await tv.ok('rules.inspectPack', { text: pack });
    expect(inspection.sha256).toBe(sha256Hex(pack));
    expect(inspection.rules).toEqual([{ key: 'request.rights.15wd', versions: 1, change: 'changed' }]);
    expect(inspection.effects?.deadlines).toMatchObject([{ key: 'reply', change: 'moved', shiftMinutes: 7 * 24 * 60 }]);
    expect(state()).toEqual(before);

    const wrong = await tv.call('rules.importPack', { text: pack, sha256: '0'.repeat(64), reason: 'Group update' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(state()).toEqual(before);

    const done = await tv.ok('rules.importPack', { text: pack, sha256: inspection.sha256, reason: 'Group update 2026-12' });
    expect(done.effects.deadlines).toHaveLength(1);
    const v = done.rules.find((r) => r.key === 'request.rights.15wd')!.versions[0];
    expect(v).toMatchObject({ origin: 'imported', reason: 'Group update 2026-12', params: { period: { kind: 'workingDays', days: 20 } } });
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry.action).toBe('rules.importPack');
    expect(entry.summary).toContain(inspection.sha256.slice(0, 12));
  });

  it('a pack signed by a trusted publisher is valid; an untrusted signer, or a change after signing, is refused', async () => {
    tv = await makeTestVault();
    const { raw, privateKey } = keyPair();
    const signed = signPack(withRights20(await exportOne('request.rights.15wd')), raw, privateKey);
    const untrusted = await tv.ok('rules.inspectPack', { text: text(signed) });
    expect(untrusted.signature.state).toBe('untrusted');
    expect(untrusted.problem).toMatchObject({ path: 'signature' });

    const { publishers } = await tv.ok('rules.addPublisher', { name: 'Group compliance', publicKey: raw });
    expect(publishers).toHaveLength(1);
    const valid = await tv.ok('rules.inspectPack', { text: text(signed) });
    expect(valid).toMatchObject({ signature: { state: 'valid', publisherName: 'Group compliance', keyFingerprint: publishers[0].fingerprint }, problem: null });
    // Re-indenting does not break the signature: it covers the canonical JSON.
    expect((await tv.ok('rules.inspectPack', { text: JSON.stringify(signed) })).signature.state).toBe('valid');
    await tv.ok('rules.importPack', { text: text(signed), sha256: valid.sha256, reason: 'Signed update' });
  });

  const bad: { why: string; make: (p: PackJson, sig: (p: PackJson) => PackJson) => string; path: string; message: RegExp }[] = [
    { why: 'not JSON', make: () => '{ "format": ', path: 'file', message: /Not a JSON file/ },
    { why: 'another file', make: (p) => text({ ...p, format: 'calendar' }), path: 'format', message: /Not a rule pack/ },
    { why: 'an unknown rule key', make: (p) => text({ ...p, rules: [...p.rules, { key: 'gdpr33.authority.96h', versions: p.rules[0].versions }] }), path: 'rules.1.key', message: /Unknown rule key "gdpr33.authority.96h"/ },
    {
      why: 'overlapping versions',
      make: (p) => text({ ...p, rules: [{ ...p.rules[0], versions: [{ ...p.rules[0].versions[0], effectiveFrom: '2026-01-01', effectiveTo: null }, { ...p.rules[0].versions[0], effectiveFrom: '2026-06-01', effectiveTo: null }] }] }),
      path: 'rules.0.versions.1.effectiveFrom',
      message: /Overlaps the version from 2026-01-01/,
    },
    { why: 'a period of 0', make: (p) => text({ ...p, rules: [{ ...p.rules[0], versions: [{ ...p.rules[0].versions[0], params: { period: { kind: 'workingDays', days: 0 }, clockStops: false } }] }] }), path: 'rules.0.versions.0.params.period.days', message: /A period of 0/ },
    { why: 'an unknown parameter', make: (p) => text({ ...p, rules: [{ ...p.rules[0], versions: [{ ...p.rules[0].versions[0], params: { ...(p.rules[0].versions[0].params as object), days: 20 } }] }] }), path: 'rules.0.versions.0.params.days', message: /Unknown parameter/ },
    { why: 'a source that is neither official nor commentary', make: (p) => text({ ...p, rules: [{ ...p.rules[0], versions: [{ ...p.rules[0].versions[0], source: { instrument: { en: 'x', zh: 'x' }, article: '1', kind: 'rumour' } }] }] }), path: 'rules.0.versions.0.source.kind', message: /official|commentary|Invalid/ },
    { why: 'a broken signature (changed after signing)', make: (p, sig) => text({ ...sig(p), publisher: 'Someone else' }), path: 'signature', message: /does not match/ },
  ];
  it.each(bad)('refuses $why, naming the first bad entry, with nothing changed', async ({ make, path, message }) => {
    tv = await makeTestVault();
    await tv.ok('inbox.create', { channel: 'email', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Access' });
    const { raw, privateKey } = keyPair();
    await tv.ok('rules.addPublisher', { name: 'Group compliance', publicKey: raw });
    const pack = make(await exportOne('request.rights.15wd'), (p) => signPack(p, raw, privateKey));
    const before = state();
    const inspection = await tv.ok('rules.inspectPack', { text: pack });
    expect(inspection.problem?.path).toBe(path);
    expect(inspection.problem?.message).toMatch(message);
    const r = await tv.call('rules.importPack', { text: pack, sha256: inspection.sha256, reason: 'try' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [`pack.${path}`]: expect.stringMatching(message) } } });
    expect(state()).toEqual(before);
  });

  it('trusted keys: a bad key is refused, a key is trusted once, removal needs a reason and is audited', async () => {
    tv = await makeTestVault();
    expect(await tv.call('rules.addPublisher', { name: 'X', publicKey: 'not a key' })).toMatchObject({ ok: false, error: { fields: { publicKey: expect.any(String) } } });
    const { raw } = keyPair();
    const { publishers } = await tv.ok('rules.addPublisher', { name: 'Group', publicKey: raw });
    expect(await tv.call('rules.addPublisher', { name: 'Again', publicKey: raw })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await tv.ok('rules.removePublisher', { fingerprint: publishers[0].fingerprint, reason: 'Key rotated' })).publishers).toEqual([]);
    expect((await tv.ok('audit.list', { limit: 1 })).items[0].summary).toContain('Key rotated');
  });
});
