import { createHmac } from 'node:crypto';
import { VERIFY_JOB_KIND, type AnchorCheck, type AuditEntry, type AuditIntegrity, type AuditReceipt, type AuditVerification, type VerifyScope } from '../../preload/contract/audit';
import type { Page } from '../../preload/contract/common';
import { conflict, problem } from '../shared/errors';
import type { AuditInput, AuditWriter, Session } from '../shared/session';
import { anchorSignatureOk } from './anchor';
import type { AnchorKeeper, AnchorState } from './anchor-keeper';
import { checkAtOpen, type OpenReport } from './integrity';
import { GENESIS_HASH, type AuditAnchor } from './model';
import type { AuditRepo, ListedRow } from './repo';
import type { ChainCheck } from './rules';
import { chainHash } from './rules';
import { checkChain, checkSegment, type VerifyWorkers } from './verify';

export class AuditService implements AuditWriter {
  private openReport: OpenReport | null = null;

  constructor(
    private readonly repo: AuditRepo,
    private readonly hmacKey: Buffer,
    private readonly now: () => Date,
    private readonly actor: () => string,
    /** The anchor outside the vault; absent only in the benchmark's bare chain. */
    private readonly anchor: AnchorKeeper | null = null,
    private readonly anchorKey: Buffer | null = null,
    /** How worker threads open the vault for a long check (absent: one thread). */
    private readonly workers: VerifyWorkers | null = null,
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

  /** The sequence number of the newest entry (0 when empty). */
  headSeq(): number {
    return this.repo.last()?.seq ?? 0;
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
    // The log is append-only and numbered 1…N without gaps (verify names any gap), so the head's
    // seq is the count, read from the primary key; count(*) walked every entry on each page.
    return { items, nextCursor: more ? String(items[items.length - 1].seq) : null, total: this.headSeq() };
  }

  /**
   * Checks the chain (scope full: every link, on worker threads for a long log; sinceAnchor: the
   * anchored head is still there and what follows links to it) and compares it with the anchor.
   * A chain that verifies and still holds the anchored head moves the anchor to the head it
   * verified. Null when stopped through the signal (cancel, lock).
   */
  async verify(opts: { scope?: VerifyScope; receipt?: { seq: number; hash: string }; signal?: AbortSignal; onProgress?(done: number, total: number): void; parallelFrom?: number; threads?: number } = {}): Promise<AuditVerification | null> {
    const scope = opts.scope ?? 'full';
    const lastSeq = this.repo.last()?.seq ?? 0;
    const state = this.anchor?.refresh() ?? null;
    let chain: ChainCheck;
    let checked: number;
    if (scope === 'sinceAnchor') {
      // Nothing to start from unless the anchor is in force and the chain still holds it.
      if (state?.status !== 'matches' || !state.anchor) {
        chain = { ok: false, entries: 0, head: null, firstBroken: null };
        checked = 0;
      } else {
        const from = { seq: state.anchor.seq, hash: state.anchor.hash };
        const segment = checkSegment(this.repo, this.hmacKey, from, lastSeq);
        opts.onProgress?.(lastSeq - from.seq, lastSeq - from.seq);
        chain = { ...segment, entries: from.seq + segment.entries };
        checked = segment.entries;
      }
    } else {
      const full = await checkChain(this.repo, this.hmacKey, { seq: 0, hash: GENESIS_HASH }, lastSeq, {
        workers: this.workers,
        signal: opts.signal,
        onProgress: opts.onProgress,
        parallelFrom: opts.parallelFrom,
        threads: opts.threads,
      });
      if (!full) return null;
      chain = full;
      checked = full.entries;
    }
    if (opts.signal?.aborted) return null;
    if (chain.ok && chain.head && this.anchor?.current().status === 'matches') {
      this.anchor.anchorVerified({ seq: chain.entries, hash: chain.head });
    }
    const anchor = anchorCheck(this.anchor?.current() ?? null, this.repo.last()?.seq ?? 0);
    let receiptStatus: AuditVerification['receipt'] = null;
    if (opts.receipt) {
      const hash = this.repo.hashAt(opts.receipt.seq);
      receiptStatus = hash === undefined ? 'missing' : hash === opts.receipt.hash ? 'found' : 'differs';
    }
    const ok = chain.ok && anchor.status === 'matches' && (receiptStatus === null || receiptStatus === 'found');
    return { ...chain, ok, scope, checked, anchor, receipt: receiptStatus };
  }

  // ── the anchor (main/audit/anchor-keeper.ts) ──

  /** At unlock, inside its transaction, before anything else is appended. */
  checkAtOpen(): OpenReport | null {
    if (!this.anchor) return null;
    const report = checkAtOpen(this.repo, this.anchor, this.hmacKey, this.now());
    this.openReport = report;
    if (report.triggersRestored.length) {
      this.append({
        action: 'audit.triggersRestored',
        entity: 'audit',
        summary: `Append-only guards of the audit log were missing or altered and have been restored: ${report.triggersRestored.join(', ')}`,
        details: { restored: report.triggersRestored },
      });
    }
    if (report.anchorAtOpen !== 'matches' && report.anchorAtOpen !== 'absent') {
      this.append({
        action: 'audit.anchorMismatch',
        entity: 'audit',
        summary: `The audit log does not match its anchor outside the vault (${report.anchorAtOpen}; anchored #${report.anchoredSeqAtOpen ?? '?'}, last #${report.lastSeqAtOpen})`,
        details: { status: report.anchorAtOpen, anchoredSeq: report.anchoredSeqAtOpen, lastSeq: report.lastSeqAtOpen },
      });
    }
    if (report.anchorCreated && report.lastSeqAtOpen > 0) {
      this.append({
        action: 'audit.anchorCreated',
        entity: 'audit',
        summary: `No audit anchor was found beside the vault; one was made from the verified chain (#${report.lastSeqAtOpen})`,
        details: { seq: report.lastSeqAtOpen },
      });
    }
    return report;
  }

  /**
   * After the unlock's commit: the full check checkAtOpen left to a job (no anchor, a long log).
   * A chain that verifies gets its anchor and the entry saying so, as the unlock would have done;
   * a broken one is reported (audit.integrity, the log) and gets no anchor. Stopped (Stop, lock):
   * the next unlock starts it again.
   */
  startDeferredCheck(session: Pick<Session, 'tx' | 'jobs'>): void {
    const pending = this.openReport?.deferredCheck;
    if (!pending || pending.state !== 'running' || !this.anchor) return;
    const anchor = this.anchor;
    const report = this.openReport!;
    pending.jobId = session.jobs.start({
      kind: VERIFY_JOB_KIND,
      subject: `#1–#${pending.throughSeq}`,
      run: async (ctx) => {
        const chain = await checkChain(this.repo, this.hmacKey, { seq: 0, hash: GENESIS_HASH }, pending.throughSeq, {
          workers: this.workers,
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(done, total),
        });
        if (!chain || ctx.signal.aborted) {
          pending.state = 'stopped';
          return null;
        }
        session.tx(() => {
          if (chain.ok && chain.head && anchor.current().status === 'absent') {
            anchor.anchorVerified({ seq: pending.throughSeq, hash: chain.head });
            this.append({
              action: 'audit.anchorCreated',
              entity: 'audit',
              summary: `No audit anchor was found beside the vault; one was made from the verified chain (#${pending.throughSeq})`,
              details: { seq: pending.throughSeq },
            });
            pending.state = 'passed';
            report.anchorCreated = true;
          } else if (!chain.ok) {
            pending.state = 'broken';
            pending.firstBroken = chain.firstBroken?.seq ?? null;
            this.append({
              action: 'audit.openCheckBroken',
              entity: 'audit',
              summary: `No audit anchor was found beside the vault, and the full check of the log found entry #${pending.firstBroken ?? '?'} broken; no anchor was made`,
              details: { firstBroken: pending.firstBroken, throughSeq: pending.throughSeq },
            });
          } else {
            pending.state = 'passed';
          }
        });
        const verification: AuditVerification = {
          ...chain,
          ok: chain.ok && anchor.current().status === 'matches',
          scope: 'full',
          checked: chain.entries,
          anchor: anchorCheck(anchor.current(), this.repo.last()?.seq ?? 0),
          receipt: null,
        };
        return verification;
      },
    }).jobId;
  }

  /** After each outermost commit (Session.tx). */
  afterCommit(): void {
    this.anchor?.afterCommit();
  }

  /** The anchor in force, written up to the head first when the chain allows (packs, backups). */
  currentAnchor(): AuditAnchor | null {
    return this.anchor?.flush() ?? null;
  }

  /** Whether an anchor document (from a pack, a backup) was signed by this vault. */
  anchorIsOurs(anchor: AuditAnchor): boolean {
    return this.anchorKey ? anchorSignatureOk(this.anchorKey, anchor) : false;
  }

  /** Lock/close: the last anchor write. */
  closeAnchor(): void {
    this.anchor?.close();
  }

  integrity(): AuditIntegrity {
    const state = this.anchor?.current() ?? null;
    return {
      anchor: { ...anchorCheck(state, this.repo.last()?.seq ?? 0), held: state?.held ?? false },
      atOpen: this.openReport,
    };
  }

  /** The DPO accepts the chain as it stands: verified in full first; the old anchor is kept in the audit entry. */
  resetAnchor(reason: string): AnchorCheck {
    if (!this.anchor) return anchorCheck(null, 0);
    const chain = checkSegment(this.repo, this.hmacKey, { seq: 0, hash: GENESIS_HASH }, this.repo.last()?.seq ?? 0);
    if (!chain.ok) {
      throw conflict(problem('chainBroken', { seq: chain.firstBroken?.seq ?? 0 }));
    }
    const before = this.anchor.current();
    this.append({
      action: 'audit.resetAnchor',
      entity: 'audit',
      summary: `Audit anchor reset by the DPO (was #${before.anchor?.seq ?? '—'}, ${before.status}) — ${reason}`,
      details: { before: before.anchor, status: before.status, reason },
    });
    const last = this.repo.last()!;
    this.anchor.anchorVerified(last);
    return anchorCheck(this.anchor.current(), last.seq);
  }

  receipt(organisation: string, dpo: string): AuditReceipt {
    const last = this.repo.last() ?? { seq: 0, hash: GENESIS_HASH };
    const at = this.now().toISOString();
    const count = this.repo.count();
    const signature = this.anchorKey
      ? createHmac('sha256', this.anchorKey).update(JSON.stringify(['dpo-audit-receipt', 1, last.seq, last.hash, count, at])).digest('hex')
      : '';
    return { organisation, dpo, seq: last.seq, hash: last.hash, count, at, signature };
  }

  /** The head of the chain now. */
  head(): { seq: number; hash: string } {
    return this.repo.last() ?? { seq: 0, hash: GENESIS_HASH };
  }

  get chainKey(): Buffer {
    return this.hmacKey;
  }

  get rows(): AuditRepo {
    return this.repo;
  }
}

function anchorCheck(state: AnchorState | null, lastSeq: number): AnchorCheck {
  return {
    status: state?.status ?? 'absent',
    anchoredSeq: state?.anchor?.seq ?? null,
    anchoredHash: state?.anchor?.hash ?? null,
    anchoredAt: state?.anchor?.at ?? null,
    // The place a cut chain ends is what the comparison found; a matching chain's end is live.
    lastSeq: state && state.status !== 'matches' ? state.lastSeq : lastSeq,
  };
}

function toEntry(r: ListedRow): AuditEntry {
  const details = safeParse(r.details);
  const params = details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  return { seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary, ref: typeof params.ref === 'string' ? params.ref : null, params, hash: r.hash };
}

const safeParse = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};
