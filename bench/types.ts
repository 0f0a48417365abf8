/** One line of the benchmark table. `goal` is the target, when it has one. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal?: { op: '<=' | '>='; value: number };
}

export interface BenchContext {
  /** A fresh folder for this section's vaults. */
  dir: string;
  /** Scale factor: 1 for the full run, smaller for a quick smoke run (`npm run bench -- --quick`). */
  scale: number;
  log(line: string): void;
}

export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;
