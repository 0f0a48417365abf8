import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

// The machine's load while a section runs, so a noisy run can be recognised in bench.json. The
// 1-minute load average is sampled every second on a worker thread: the main thread is often busy
// for seconds at a time (a seed, a verify) and would miss its own timer.

export interface LoadSummary {
  /** 1-minute load average (runnable processes), over the samples taken during the section. */
  min: number;
  avg: number;
  max: number;
  samples: number;
  /** Logical CPUs of the machine, to read the load against. */
  cpus: number;
}

const SAMPLER = `
const { parentPort } = require('node:worker_threads');
const { loadavg } = require('node:os');
const tick = () => parentPort.postMessage({ at: Date.now(), load: loadavg()[0] });
tick();
setInterval(tick, 1000);
`;

export class LoadSampler {
  private readonly worker = new Worker(SAMPLER, { eval: true });
  private readonly samples: { at: number; load: number }[] = [];

  constructor(private readonly cpus: number) {
    this.worker.on('message', (m: { at: number; load: number }) => this.samples.push(m));
    this.worker.unref();
  }

  /** The samples taken between `from` and now (waits a moment so queued samples arrive). */
  async since(from: number): Promise<LoadSummary> {
    await new Promise((r) => setTimeout(r, 20));
    const loads = this.samples.filter((s) => s.at >= from).map((s) => s.load);
    if (loads.length === 0) loads.push(loadavg()[0]);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      min: round(Math.min(...loads)),
      avg: round(loads.reduce((a, b) => a + b, 0) / loads.length),
      max: round(Math.max(...loads)),
      samples: loads.length,
      cpus: this.cpus,
    };
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}
