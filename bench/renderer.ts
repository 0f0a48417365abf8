import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { PASSPHRASE } from './million';
import type { BenchRow, BenchSection } from './types';

// Issue 16: the renderer with 1,000,000 requests and 1,000,000 deadlines in the vault: the first
// screen after unlock is interactive in ≤ 1 s, and a list scrolls through 10,000 rows without a
// frame over 50 ms. The built app runs on the loopback HTTP host (a process of its own, as in
// the e2e tests) over the vault at scale, driven in Chromium (the same browser and flags as the
// Playwright config). Times are taken inside the page (performance.now, requestAnimationFrame).

const ROWS = 10_000;

function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve('out', 'main', 'http.cjs'), '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, NODE_PATH: resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1], child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
}

/** Frame lengths while the list scrolls down until row `rows` is on screen (in the page). */
async function scrollFrames(page: Page, rows: number): Promise<{ frames: number[]; reached: number; seconds: number; longTasks: number[] }> {
  return page.evaluate(async (target) => {
    const list = document.querySelector<HTMLElement>('.virtual-list')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const frames: number[] = [];
    const started = performance.now();
    // Rows are rendered in order: the last one shown is the furthest reached.
    const ul = list.querySelector('ul')!;
    const reachedRow = () => Number((ul.lastElementChild as HTMLElement | null)?.dataset.index ?? 0);
    let stuckSince = performance.now();
    let lastHeight = 0;
    return new Promise<{ frames: number[]; reached: number; seconds: number; longTasks: number[] }>((done) => {
      let last = performance.now();
      const step = (now: number) => {
        frames.push(now - last);
        last = now;
        const reached = reachedRow();
        // The end of a shorter list: nothing more loads for 5 s at the bottom.
        if (ul.scrollHeight !== lastHeight) ((lastHeight = ul.scrollHeight), (stuckSince = now));
        const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 2 && now - stuckSince > 5_000;
        if (reached >= target || atEnd || now - started > 180_000) {
          observer.disconnect();
          done({ frames: frames.slice(1), reached, seconds: (now - started) / 1000, longTasks });
          return;
        }
        // About a screen a second of wheel scrolling: 16 rows a frame.
        list.scrollTop += 600;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  }, rows);
}

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : 0;
};

export const rendererBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  // Loaded from its own file (bundled, its "run as a script" check would take the bench for itself).
  const { CHROMIUM_ARGS, findChromium } = (await import(pathToFileURL(resolve('scripts', 'find-chromium.mjs')).href)) as typeof import('../scripts/find-chromium.mjs');
  const chromium = findChromium();
  if (!chromium.path) throw new Error(`renderer bench: ${chromium.message}`);
  // The host opens the vault itself: this process lets go of it meanwhile.
  m.vault.lock();
  const { url, child } = await startHost(m.dataDir);
  const { chromium: browserType } = await import('@playwright/test');
  const browser = await browserType.launch({ executablePath: chromium.path, args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(url);
    await page.locator('input[type="password"]').fill(PASSPHRASE);
    // Unlock → the dashboard's counts and first board rows on screen, and the next frame painted.
    const first = await page.evaluate(async () => {
      const longTasks: { start: number; duration: number }[] = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
      const t0 = performance.now();
      document.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      const ready = () =>
        document.querySelectorAll('.virtual-list li').length > 0 && [...document.querySelectorAll('.board-counts dd')].every((d) => d.textContent !== '…');
      while (!ready()) {
        await new Promise((r) => requestAnimationFrame(r));
        if (performance.now() - t0 > 60_000) throw new Error('the dashboard did not appear within 60 s');
      }
      // Interactive: the frame after it is painted comes at once.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      const unlock = performance.getEntriesByType('resource').find((e) => e.name.includes('vault.unlock')) as PerformanceResourceTiming | undefined;
      const unlocked = unlock ? unlock.responseEnd : t0;
      return { unlockMs: unlocked - t0, afterUnlockMs: t1 - unlocked, longest: Math.max(0, ...longTasks.filter((t) => t.start >= unlocked).map((t) => t.duration)) };
    });
    ctx.log(`  unlock ${first.unlockMs.toFixed(0)} ms, then first screen ${first.afterUnlockMs.toFixed(0)} ms`);
    rows.push({ name: 'vault.unlock from the lock screen (scrypt N=2^17 + open, in the host)', value: first.unlockMs, unit: 'ms' });
    rows.push({ name: `first screen interactive after unlock returns (counts + board of ${m.sizes.deadlines} deadlines)`, value: first.afterUnlockMs, unit: 'ms', goal: { op: '<=', value: 1000 } });
    rows.push({ name: 'longest main-thread task while it appears', value: first.longest, unit: 'ms' });

    for (const [what, hash] of [
      [`inbox list (${m.sizes.requests} requests)`, 'inbox'],
      [`deadline board (${m.sizes.deadlines} deadlines)`, 'dashboard'],
    ] as const) {
      await page.click(`nav a[href="#/${hash}"]`);
      await page.waitForFunction(() => document.querySelectorAll('.virtual-list li').length > 0, null, { timeout: 60_000 });
      // DPO_BENCH_RENDERER_PROFILE=<dir>: a CPU profile of the page while it scrolls (open it in DevTools).
      const profileDir = process.env.DPO_BENCH_RENDERER_PROFILE;
      const cdp = profileDir ? await page.context().newCDPSession(page) : null;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      const s = await scrollFrames(page, ROWS);
      if (cdp && profileDir) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
        writeFileSync(join(profileDir, `renderer-${hash}.cpuprofile`), JSON.stringify(profile));
      }
      // A small (--quick) vault has fewer rows than that: the figure says how many were scrolled.
      const scrolled = Math.min(ROWS, s.reached + 1);
      const over = s.frames.filter((f) => f > 50).length;
      ctx.log(`  ${what}: ${s.frames.length} frames in ${s.seconds.toFixed(1)} s, max ${Math.max(...s.frames).toFixed(0)} ms, ${over} over 50 ms`);
      rows.push({ name: `scroll ${scrolled} rows of the ${what}: longest frame`, value: Math.max(...s.frames), unit: 'ms', goal: { op: '<=', value: 50 }, detail: { frames: s.frames.length, seconds: s.seconds, p99: pct(s.frames, 0.99), over50: over, longestTask: Math.max(0, ...s.longTasks) } });
      const long = s.longTasks.filter((d) => d >= 50);
      rows.push({ name: `  frames over 50 ms (of ${s.frames.length}; p99 frame ${pct(s.frames, 0.99).toFixed(1)} ms; ${long.length} page tasks ≥ 50 ms, longest ${Math.max(0, ...long).toFixed(0)} ms)`, value: over, unit: 'frames', goal: { op: '<=', value: 0 } });
    }
  } finally {
    await browser.close();
    child.kill();
    await new Promise((r) => child.once('exit', r));
    await m.unlock();
  }
  return rows;
};
