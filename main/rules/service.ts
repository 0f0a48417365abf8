import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ModuleName } from '../../preload/contract/common';
import type { PackInspection, RecomputeEffects, RuleChange, RuleDto } from '../../preload/contract/rules';
import { DeadlinesRepo, type DeadlineRow } from '../deadlines/repo';
import { conflict, invalid, notFound, problem, sayProblem, type Problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { texts } from './catalogue';
import { checkDates, checkParams, checkSource } from './check';
import { loadCatalogue } from './load';
import type { Params, RuleVersion } from './model';
import { canonicalJson, checkPack, checkSignature, PACK_FORMAT, PACK_VERSION, parsePublicKey, sha256Hex, type Pack } from './packs';
import { preview, withEffects, type Scope } from './recompute';
import { RulesRepo } from './repo';
import { DEFINITIONS } from './seed';

// Use-cases of the catalogue: list it, preview and apply a change (edit a version, add one from
// a date), export and import rule packs, and keep the list of trusted publishers.

const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayBefore = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;

function toDto(key: string, versions: readonly RuleVersion[], today: string): RuleDto {
  const def = DEFINITIONS.get(key)!;
  return {
    key,
    kind: def.kind,
    regime: def.regime,
    usedBy: def.usedBy,
    zone: def.zone ?? null,
    country: def.country ?? null,
    fields: def.params,
    versions: versions.map((v) => ({
      id: v.id,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      ...texts(v),
      nameTemplate: v.name,
      basisTemplate: v.basis,
      source: v.source,
      params: v.params,
      revision: v.revision,
      origin: v.origin,
      reason: v.reason,
      changedAt: v.changedAt,
      changedBy: v.changedBy,
      current: (v.effectiveFrom === null || v.effectiveFrom <= today) && (v.effectiveTo === null || today <= v.effectiveTo),
    })),
  };
}

export function listRules(session: Session): { rules: RuleDto[]; today: string } {
  const catalogue = loadCatalogue(session);
  const today = beijingToday(session.now());
  return { rules: [...DEFINITIONS.keys()].map((k) => toDto(k, catalogue.versions(k), today)), today };
}

interface Plan {
  key: string;
  before: RuleVersion[];
  after: RuleVersion[];
  /** Parameters other than the period changed (thresholds, flags, bands): dependent records are re-evaluated. */
  beyondPeriod: boolean;
}

const withoutPeriod = (p: Params) => canonicalJson({ ...p, period: undefined });

/** The rule's whole new history for a change, checked: nothing is written here. */
function planChange(session: Session, change: RuleChange, reason = 'Preview'): Plan {
  const catalogue = loadCatalogue(session);
  const now = session.now().toISOString();
  const by = session.actor();
  let key: string;
  let after: RuleVersion[];
  let changed: RuleVersion;
  let base: RuleVersion;
  if (change.kind === 'edit') {
    const found = catalogue.keys().map((k) => catalogue.versions(k).find((v) => v.id === change.versionId)).find(Boolean);
    if (!found) throw notFound('Rule version', change.versionId);
    key = found.key;
    base = found;
    changed = {
      ...found,
      id: randomUUID(),
      name: change.name ?? found.name,
      basis: change.basis ?? found.basis,
      source: change.source ?? found.source,
      params: change.params ? { ...found.params, ...(change.params as Params) } : found.params,
      effectiveTo: change.effectiveTo !== undefined ? change.effectiveTo : found.effectiveTo,
      revision: found.revision + 1,
      origin: 'edited',
      reason,
      changedAt: now,
      changedBy: by,
    };
    after = catalogue.versions(key).map((v) => (v.id === found.id ? changed : v));
  } else {
    key = change.key;
    if (!DEFINITIONS.has(key)) throw invalid({ key: problem('unknownRule', { key }) });
    const versions = catalogue.versions(key);
    const inForce = catalogue.at(key, change.effectiveFrom);
    if (inForce?.effectiveFrom === change.effectiveFrom) throw invalid({ effectiveFrom: problem('versionStarts', { date: change.effectiveFrom ?? '' }) });
    base = inForce ?? versions.at(-1)!;
    const next = versions.find((v) => v.effectiveFrom !== null && v.effectiveFrom > change.effectiveFrom);
    changed = {
      ...base,
      id: randomUUID(),
      key,
      effectiveFrom: change.effectiveFrom,
      effectiveTo: next ? dayBefore(next.effectiveFrom!) : inForce ? inForce.effectiveTo : null,
      name: change.name ?? base.name,
      basis: change.basis ?? base.basis,
      source: change.source ?? base.source,
      params: change.params ? { ...base.params, ...(change.params as Params) } : base.params,
      revision: 1,
      origin: 'edited',
      reason,
      changedAt: now,
      changedBy: by,
    };
    after = [...versions.map((v) => (v.id === inForce?.id ? { ...v, effectiveTo: dayBefore(change.effectiveFrom), reason, changedAt: now, changedBy: by } : v)), changed];
  }
  const def = DEFINITIONS.get(key)!;
  const problems = { ...checkParams(def, changed.params), ...checkSource(changed.source, 'source') };
  if (!changed.name.en.trim() || !changed.name.zh.trim()) problems.name = problem('ruleNameBoth');
  Object.assign(problems, checkDates(after, (i) => (after[i].id === changed.id ? 'version' : `versions.${i}`)));
  if (Object.keys(problems).length) throw invalid(problems);
  const before = [...catalogue.versions(key)];
  return { key, before, after, beyondPeriod: withoutPeriod(changed.params) !== withoutPeriod(base.params) };
}

/** What a change of these rules can reach: their stored deadlines, and the records their thresholds feed. */
function scopeOf(session: Session, changes: { key: string; beyondPeriod: boolean }[]): Scope {
  const modules = new Set<ModuleName>();
  const deadlineKeys: string[] = [];
  let calendars: string[] = [];
  for (const c of changes) {
    const def = DEFINITIONS.get(c.key)!;
    if (def.kind === 'deadline') deadlineKeys.push(c.key);
    if (def.kind === 'holidays') calendars = [...calendars, c.key === 'us.federalHolidays' ? 'US' : 'CN'];
    else if (def.kind !== 'deadline' || c.beyondPeriod) for (const m of def.usedBy) modules.add(m);
  }
  return {
    rows: () => {
      const repo = new DeadlinesRepo(session.db);
      const rows: DeadlineRow[] = [...repo.byRules(deadlineKeys), ...calendars.flatMap((c) => repo.byCalendar(c))];
      return [...new Map(rows.map((r) => [r.id, r])).values()];
    },
    modules: [...modules].filter((m) => m !== 'notices'),
  };
}

function write(session: Session, plan: Pick<Plan, 'key' | 'after'>): void {
  new RulesRepo(session.db).replaceRule(plan.key, plan.after, () => randomUUID());
}

export function previewChange(session: Session, change: RuleChange): RecomputeEffects {
  const plan = planChange(session, change);
  return preview(session, scopeOf(session, [plan]), () => write(session, plan));
}

const effectsSummary = (e: RecomputeEffects) => ({
  deadlinesChanged: e.deadlines.length + e.more,
  closedDeadlinesChanged: e.closedDeadlinesChanged,
  grades: e.grades,
  routes: e.routes,
  deadlines: e.deadlines.slice(0, 50).map((d) => ({ id: d.deadlineId, ref: d.recordRef, key: d.key, change: d.change, before: d.beforeDueAt, after: d.afterDueAt })),
});

export function applyChange(session: Session, change: RuleChange & { reason: string }): { effects: RecomputeEffects; rules: RuleDto[] } {
  return session.tx(() => {
    const reason = change.reason.trim();
    const plan = planChange(session, change, reason);
    const effects = withEffects(session, scopeOf(session, [plan]), () => write(session, plan));
    session.audit.append({
      action: change.kind === 'edit' ? 'rules.edit' : 'rules.addVersion',
      entity: 'rule',
      entityId: plan.key,
      summary: `Rule ${plan.key} ${change.kind === 'edit' ? 'version corrected' : `new version from ${change.kind === 'add' ? change.effectiveFrom : ''}`} — ${reason}; ${effects.deadlines.length + effects.more} open deadlines, ${effects.grades.length} grades, ${effects.routes.length} routes changed`,
      details: { key: plan.key, reason, before: plan.before, after: plan.after, effects: effectsSummary(effects) },
    });
    return { effects, rules: listRules(session).rules };
  });
}

// ---------------------------------------------------------------- rule packs

export function exportPack(session: Session, input: { keys?: string[]; publisher?: string }): { filename: string; json: string; sha256: string; rules: number } {
  const catalogue = loadCatalogue(session);
  const keys = input.keys?.length ? input.keys : [...DEFINITIONS.keys()];
  const unknown = keys.filter((k) => !DEFINITIONS.has(k));
  if (unknown.length) throw invalid({ keys: problem('unknownRules', { keys: unknown.join(', ') }) });
  const pack: Pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_VERSION,
    publisher: input.publisher?.trim() || session.actor(),
    createdAt: session.now().toISOString(),
    rules: keys.map((key) => ({
      key,
      versions: catalogue.versions(key).map((v) => ({ effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, name: v.name, basis: v.basis, source: v.source, params: v.params })),
    })),
  };
  const json = `${JSON.stringify(pack, null, 2)}\n`;
  const sha256 = sha256Hex(json);
  session.tx(() =>
    session.audit.append({ action: 'rules.exportPack', entity: 'rule', entityId: null, summary: `Rule pack exported: ${keys.length} rules (SHA-256 ${sha256.slice(0, 12)}…)`, details: { keys, sha256 } }),
  );
  return { filename: `rule-pack-${beijingToday(session.now())}.json`, json, sha256, rules: keys.length };
}

interface Inspected {
  inspection: PackInspection;
  pack: Pack | null;
  /** The refusal as data (the inspection carries its English words). */
  refusal?: Problem;
}

function inspect(session: Session, text: string, withEffects: boolean): Inspected {
  const sha256 = sha256Hex(text);
  const checked = checkPack(text);
  const base = (problem: PackInspection['problem'], pack: Pack | null, signature: PackInspection['signature']): Inspected => ({
    inspection: { sha256, publisher: pack?.publisher ?? null, createdAt: pack?.createdAt ?? null, signature, rules: [], problem, effects: null },
    pack,
  });
  const unsigned: PackInspection['signature'] = { state: 'unsigned', keyFingerprint: null, publisherName: null };
  if (!checked.ok) return { ...base({ path: checked.path, message: sayProblem(checked.message) }, null, unsigned), refusal: checked.message };
  const pack = checked.pack;
  const sig = checkSignature(text, pack);
  const trusted = new RulesRepo(session.db).publishers();
  let signature: PackInspection['signature'] = unsigned;
  let refusal: Problem | undefined;
  if (sig.state === 'broken') {
    signature = { state: 'broken', keyFingerprint: sig.fingerprint, publisherName: null };
    refusal = problem('signatureBroken');
  } else if (sig.state === 'valid') {
    const publisher = trusted.find((p) => p.fingerprint === sig.fingerprint);
    signature = { state: publisher ? 'valid' : 'untrusted', keyFingerprint: sig.fingerprint, publisherName: publisher?.name ?? null };
    if (!publisher) refusal = problem('signatureUntrusted', { fingerprint: sig.fingerprint });
  }
  const problemAt: PackInspection['problem'] = refusal ? { path: 'signature', message: sayProblem(refusal) } : null;
  const catalogue = loadCatalogue(session);
  const rules = pack.rules.map((r) => {
    const current = catalogue.versions(r.key).map((v) => canonicalJson({ effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, name: v.name, basis: v.basis, source: v.source, params: v.params }));
    const incoming = r.versions.map((v) => canonicalJson(v));
    const change: 'new' | 'changed' | 'same' = current.length === 0 ? 'new' : current.join() === incoming.join() ? 'same' : 'changed';
    return { key: r.key, versions: r.versions.length, change };
  });
  const inspection: PackInspection = { sha256, publisher: pack.publisher, createdAt: pack.createdAt, signature, rules, problem: problemAt, effects: null };
  if (!problemAt && withEffects) {
    const changedRules = pack.rules.filter((_, i) => rules[i].change !== 'same');
    inspection.effects = preview(session, packScope(session, changedRules), () => writePack(session, changedRules, 'preview'));
  }
  return { inspection, pack, refusal };
}

const packScope = (session: Session, rules: Pack['rules']) => scopeOf(session, rules.map((r) => ({ key: r.key, beyondPeriod: true })));

function writePack(session: Session, rules: Pack['rules'], reason: string): void {
  const now = session.now().toISOString();
  const by = session.actor();
  for (const r of rules) {
    write(session, {
      key: r.key,
      after: r.versions.map((v) => ({ ...v, id: randomUUID(), key: r.key, revision: 1, origin: 'imported', reason, changedAt: now, changedBy: by })),
    });
  }
}

export function inspectPack(session: Session, text: string): PackInspection {
  return inspect(session, text, true).inspection;
}

/** Imports what was inspected: the digest must match, and a refused pack changes nothing. */
export function importPack(session: Session, input: { text: string; sha256: string; reason: string }): { effects: RecomputeEffects; rules: RuleDto[] } {
  const { inspection, pack, refusal } = inspect(session, input.text, false);
  if (inspection.sha256 !== input.sha256) throw conflict(problem('notInspected', { actual: inspection.sha256, expected: input.sha256 }));
  if (inspection.problem || !pack) throw invalid({ [`pack.${inspection.problem!.path}`]: refusal ?? problem('badValue') });
  const changedRules = pack.rules.filter((_, i) => inspection.rules[i].change !== 'same');
  return session.tx(() => {
    const before = loadCatalogue(session);
    const reason = input.reason.trim();
    const effects = withEffects(session, packScope(session, changedRules), () => writePack(session, changedRules, reason));
    session.audit.append({
      action: 'rules.importPack',
      entity: 'rule',
      entityId: null,
      summary: `Rule pack imported (SHA-256 ${inspection.sha256.slice(0, 12)}…, ${inspection.signature.state}${inspection.signature.publisherName ? ` by ${inspection.signature.publisherName}` : ''}): ${changedRules.length} rules changed — ${reason}`,
      details: {
        sha256: inspection.sha256,
        publisher: pack.publisher,
        signature: inspection.signature,
        reason,
        rules: inspection.rules,
        before: Object.fromEntries(changedRules.map((r) => [r.key, before.versions(r.key)])),
        effects: effectsSummary(effects),
      },
    });
    return { effects, rules: listRules(session).rules };
  });
}

// ---------------------------------------------------------------- trusted publishers

const publisherDtos = (session: Session) =>
  new RulesRepo(session.db).publishers().map((p) => ({ fingerprint: p.fingerprint, name: p.name, publicKey: p.public_key, addedAt: p.added_at }));

export const listPublishers = (session: Session) => ({ publishers: publisherDtos(session) });

export function addPublisher(session: Session, input: { name: string; publicKey: string }) {
  const key = parsePublicKey(input.publicKey);
  if (!key) throw invalid({ publicKey: problem('notPublicKey') });
  const repo = new RulesRepo(session.db);
  if (repo.publishers().some((p) => p.fingerprint === key.fingerprint)) throw conflict(problem('keyTrusted'));
  return session.tx(() => {
    repo.addPublisher({ fingerprint: key.fingerprint, name: input.name, public_key: input.publicKey.trim(), added_at: session.now().toISOString() });
    session.audit.append({ action: 'rules.addPublisher', entity: 'rulePublisher', entityId: key.fingerprint, summary: `Rule-pack publisher trusted: ${input.name} (SHA-256 ${key.fingerprint.slice(0, 12)}…)`, details: { name: input.name, fingerprint: key.fingerprint } });
    return listPublishers(session);
  });
}

export function removePublisher(session: Session, input: { fingerprint: string; reason: string }) {
  const repo = new RulesRepo(session.db);
  const p = repo.publishers().find((x) => x.fingerprint === input.fingerprint);
  if (!p) throw notFound('Publisher', input.fingerprint);
  return session.tx(() => {
    repo.removePublisher(input.fingerprint);
    session.audit.append({ action: 'rules.removePublisher', entity: 'rulePublisher', entityId: p.fingerprint, summary: `Rule-pack publisher no longer trusted: ${p.name} — ${input.reason}`, details: { name: p.name, fingerprint: p.fingerprint, reason: input.reason } });
    return listPublishers(session);
  });
}
