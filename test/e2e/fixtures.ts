import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const OUT_DIR = resolve(process.env.DPO_OUT_DIR ?? 'out');
export const PASSPHRASE = 'correct horse battery staple';
export const PROFILE = {
  legalName: '北京智言科技有限公司',
  registeredAddress: '北京市海淀区中关村大街1号',
  dpoName: 'Li Wei',
  dpoEmail: 'dpo@example.cn',
  phone: '+86 10 1234 5678',
};

export interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the API as the renderer would; returns the envelope. */
  call(channel: string, input?: unknown): Promise<{ ok: boolean; value?: any; error?: any }>;
  /** Like call, but fails the test unless ok; returns the value. */
  ok(channel: string, input?: unknown): Promise<any>;
  /** Stops the host and starts it again on the same data folder (a new token). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node out/main/http.cjs` on a free port and a given data folder. */
export async function startHost(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Host & { process: ChildProcess }> {
  const child = spawn(process.execPath, [join(OUT_DIR, 'main', 'http.cjs'), '--port', '0', '--data-dir', dataDir], {
    // NODE_PATH: a build in another folder (DPO_OUT_DIR) still finds the native module here.
    env: { ...process.env, NODE_PATH: resolve('node_modules'), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/DPO Workstation listening at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  const origin = new URL(url).origin;
  const token = url.split('#token=')[1];
  const host: Host & { process: ChildProcess } = {
    url,
    origin,
    token,
    dataDir,
    process: child,
    async call(channel, input = {}) {
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return res.json();
    },
    async ok(channel, input = {}) {
      const r = await host.call(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    async restart() {
      await host.stop();
      const next = await startHost(dataDir, extraEnv);
      Object.assign(host, { url: next.url, origin: next.origin, token: next.token, process: next.process });
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (host.process.exitCode !== null) return resolveStop();
        host.process.once('exit', () => resolveStop());
        host.process.kill('SIGTERM');
      }),
  };
  return host;
}

interface Fixtures {
  /** A running host on a fresh data folder, no vault yet. */
  host: Host;
  /** A page on the host with a vault created (through the API) and unlocked, in English. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dpo-e2e-'));
    const host = await startHost(dataDir);
    await use(host);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ host, page }, use) => {
    await use(await openApp(host, page));
  },
});

/** Creates the vault through the API and opens the app on it, unlocked, in English. */
export async function openApp(host: Host, page: Page): Promise<Page> {
  await host.ok('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
  await page.addInitScript(() => {
    if (!localStorage.getItem('dpo.language')) localStorage.setItem('dpo.language', 'en');
  });
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return page;
}

/** Switches the UI language through the shell's own control. */
export async function setLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  const select = page.locator('.topbar .inline-select select').first();
  await select.selectOption(language);
}

/** Switches the theme through the shell's own control. */
export async function setTheme(page: Page, theme: 'system' | 'light' | 'dark'): Promise<void> {
  await page.locator('.topbar .inline-select select').nth(1).selectOption(theme);
}

export { expect };

/**
 * Types a date ("YYYY-MM-DD") or a date and time ("YYYY-MM-DDTHH:mm") into the app's date field
 * the way a DPO does: segment by segment, in whatever order the UI language puts them
 * (zh-CN 年/月/日, English day/month/year). `field` is the field's group, found by its label.
 */
export async function fillDate(field: Locator, value: string): Promise<void> {
  const [date, time = ''] = value.split('T');
  const [year, month, day] = date.split('-');
  const [hour, minute] = time.split(':');
  const parts: Record<string, string | undefined> = { year, month, day, hour, minute };
  for (const segment of await field.locator('[data-type]').all()) {
    const type = (await segment.getAttribute('data-type')) ?? '';
    const digits = parts[type];
    if (!digits) continue;
    await segment.focus();
    await segment.pressSequentially(digits);
  }
}
