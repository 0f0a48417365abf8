import type { MillionVault } from './million';

/** One line of the benchmark table. `goal` is the target, when it has one. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal?: { op: '<=' | '>='; value: number };
  /** The same SQL on a plain (unencrypted) SQLite database holding the same rows, in `unit`. */
  plain?: number;
  /** The goal for value / plain (≤). */
  ratioGoal?: number;
  /** Figures behind the row (medians, run counts), kept in bench.json. */
  detail?: Record<string, number | string>;
}

export interface BenchContext {
  /** A fresh folder for this section's vaults. */
  dir: string;
  /** Scale factor: 1 for the full run, smaller for a quick smoke run (`npm run bench -- --quick`). */
  scale: number;
  log(line: string): void;
  /** The shared vault at scale (seeded once per run with the parts the chosen sections need). */
  million(): Promise<MillionVault>;
}

export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;
