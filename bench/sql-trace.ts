import Database, { type Statement } from 'better-sqlite3-multiple-ciphers';
import { performance } from 'node:perf_hooks';
import type { Db } from '../main/store/database';

// "The same SQL": while one API call runs, every statement it executes is recorded (its text,
// the values bound, the method and the row mode), so the bench can run exactly those statements,
// prepared once, on the plain copy. The wrappers are installed once, before any statement is
// prepared, and cost both sides the same few nanoseconds per call.

type Method = 'run' | 'get' | 'all' | 'iterate';
type Mode = { raw: boolean; pluck: boolean; expand: boolean };

export interface TracedStatement {
  sql: string;
  method: Method;
  args: unknown[];
  mode: Mode;
}

const modes = new WeakMap<object, Mode>();
let recording: TracedStatement[] | null = null;
let installed = false;
/** DPO_BENCH_SQL_PROFILE=1: time spent in each statement, printed by printSqlProfile(). */
const profile = process.env.DPO_BENCH_SQL_PROFILE ? new Map<string, { ms: number; calls: number }>() : null;

export function printSqlProfile(): void {
  if (!profile) return;
  const top = [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  for (const [sql, p] of top) console.log(`${p.ms.toFixed(0).padStart(8)} ms ${String(p.calls).padStart(9)} calls  ${sql.replace(/\s+/g, ' ').slice(0, 140)}`);
}

export function installSqlTrace(): void {
  if (installed) return;
  installed = true;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  const modeOf = (s: object): Mode => modes.get(s) ?? { raw: false, pluck: false, expand: false };
  for (const name of ['raw', 'pluck', 'expand'] as const) {
    const original = proto[name];
    proto[name] = function (this: object, on?: unknown) {
      const m = { ...modeOf(this), raw: false, pluck: false, expand: false };
      // better-sqlite3: turning one mode on turns the other two off; no argument means on.
      m[name] = on === undefined ? true : !!on;
      modes.set(this, m);
      return original.call(this, ...(on === undefined ? [] : [on]));
    };
  }
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[method];
    proto[method] = function (this: Statement & object, ...args: unknown[]) {
      recording?.push({ sql: this.source, method, args, mode: modeOf(this) });
      if (!profile) return original.apply(this, args);
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const p = profile.get(this.source) ?? { ms: 0, calls: 0 };
        p.ms += performance.now() - t;
        p.calls++;
        profile.set(this.source, p);
      }
    };
  }
}

/** Runs fn once and returns what it executed. */
export async function traceSql<T>(fn: () => Promise<T> | T): Promise<{ value: T; statements: TracedStatement[] }> {
  if (!installed) throw new Error('installSqlTrace() first');
  const statements: TracedStatement[] = [];
  recording = statements;
  try {
    return { value: await fn(), statements };
  } finally {
    recording = null;
  }
}

/** The traced statements prepared on another database, ready to run again and again. */
export function replayer(db: Db, statements: TracedStatement[]): () => number {
  const prepared = statements.map((s) => {
    const stmt = db.prepare(s.sql) as Statement<unknown[], unknown>;
    if (s.mode.raw) stmt.raw(true);
    if (s.mode.pluck) stmt.pluck(true);
    if (s.mode.expand) stmt.expand(true);
    return { stmt, s };
  });
  return () => {
    let rows = 0;
    for (const { stmt, s } of prepared) {
      if (s.method === 'all') rows += (stmt.all(...s.args) as unknown[]).length;
      else if (s.method === 'get') rows += stmt.get(...s.args) === undefined ? 0 : 1;
      else if (s.method === 'run') rows += stmt.run(...s.args).changes;
      else for (const _ of stmt.iterate(...s.args)) rows++;
    }
    return rows;
  };
}
