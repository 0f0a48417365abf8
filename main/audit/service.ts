import type { AuditEntry, AuditVerification } from '../../preload/contract/audit';
import type { Page } from '../../preload/contract/common';
import type { AuditInput, AuditWriter } from '../shared/session';
import { GENESIS_HASH, type AuditRow } from './model';
import type { AuditRepo } from './repo';
import { chainHash, verifyChain } from './rules';

export class AuditService implements AuditWriter {
  constructor(
    private readonly repo: AuditRepo,
    private readonly hmacKey: Buffer,
    private readonly now: () => Date,
    private readonly actor: () => string,
  ) {}

  append(input: AuditInput): void {
    const last = this.repo.last();
    // The hash is over exactly what SQLite stores: it keeps text as UTF-8, turning an unpaired
    // surrogate into U+FFFD, so every string is made well-formed the same way first (details'
    // JSON already escapes them). The contract refuses such input; this covers text a service
    // derived itself (a parsed file, a truncated name), so no stored string can break verify.
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: this.now().toISOString(),
      actor: this.actor().toWellFormed(),
      action: input.action.toWellFormed(),
      entity: input.entity.toWellFormed(),
      entity_id: input.entityId?.toWellFormed() ?? null,
      summary: input.summary.toWellFormed(),
      details: JSON.stringify(input.details ?? null),
    };
    const prev_hash = last?.hash ?? GENESIS_HASH;
    this.repo.insert({ ...base, prev_hash, hash: chainHash(this.hmacKey, prev_hash, base) });
  }

  list(opts: { cursor?: string | null; limit: number; entity?: string; entityId?: string }): Page<AuditEntry> {
    const beforeSeq = opts.cursor ? Number.parseInt(opts.cursor, 10) : null;
    const rows = this.repo.page({
      beforeSeq: Number.isFinite(beforeSeq) ? beforeSeq : null,
      limit: opts.limit + 1,
      entity: opts.entity,
      entityId: opts.entityId,
    });
    const items = rows.slice(0, opts.limit).map(toEntry);
    const more = rows.length > opts.limit;
    return { items, nextCursor: more ? String(items[items.length - 1].seq) : null, total: this.repo.count() };
  }

  verify(): AuditVerification {
    return verifyChain(this.hmacKey, this.repo.iterateAll());
  }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  summary: r.summary,
  hash: r.hash,
});
