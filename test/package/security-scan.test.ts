import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script, also run by hand
import { readConfig, securityScan } from '../../scripts/security-scan.mjs';

type Finding = { check: string; file: string; line: number };
type Report = { checks: number; errors: string[]; findings: Finding[]; unjustified: Finding[]; stale: unknown[] };
type Config = { scan: string[]; skippedChecks: { check: string; reason: string }[]; acceptedFindings: { check: string; file: string; reason: string }[] };

describe('Electron security scan (electronegativity)', () => {
  it('finds nothing unjustified in the code that runs in Electron and the built page, and no stale justification', async () => {
    const report: Report = await securityScan();
    expect(report.checks).toBeGreaterThan(30);
    expect(report.errors).toEqual([]);
    expect(report.unjustified).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('gives a reason for every accepted finding and every skipped check', () => {
    const config: Config = readConfig();
    expect(config.scan).toEqual(expect.arrayContaining(['main', 'preload', 'renderer', 'out/renderer/index.html']));
    for (const entry of [...config.acceptedFindings, ...config.skippedChecks]) expect(entry.reason.length, entry.check).toBeGreaterThan(80);
  });

  it('does find the classic mistakes, offline (so a clean scan means something)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-scan-fixture-'));
    try {
      mkdirSync(join(dir, 'app'));
      writeFileSync(
        join(dir, 'app', 'window.ts'),
        [
          "import { BrowserWindow } from 'electron';",
          'export function open(): BrowserWindow {',
          '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });',
          "  void win.loadURL('http://example.com/');",
          '  return win;',
          '}',
        ].join('\n'),
      );
      const started = Date.now();
      const report: Report = await securityScan({ base: dir, inputs: ['app'], config: { scan: ['app'], skippedChecks: readConfig().skippedChecks, acceptedFindings: [] } });
      const found = report.findings.map((f) => f.check);
      expect(found).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
      );
      expect(report.unjustified.length).toBe(report.findings.length);
      // No network wait: the scanner's downloads are answered "offline" at once.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
