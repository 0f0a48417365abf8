import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// The release workflow cannot run here (no network, no Electron binary): this reads it for
// syntax and for the steps a release must not lose.
const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');
const doc = parseDocument(text, { strict: true, uniqueKeys: true });
const workflow = doc.toJS();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}
const build = workflow.jobs.build;
const steps: Step[] = build.steps;
const indexOf = (what: string, test: (s: Step) => boolean) => {
  const i = steps.findIndex(test);
  expect(i, what).toBeGreaterThanOrEqual(0);
  return i;
};
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? '');

describe('.github/workflows/release.yml', () => {
  it('is valid YAML with no duplicate keys, and a valid workflow to GitHub\'s own parser', async () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    // @actions/workflow-parser is what GitHub's Actions language service checks workflows with:
    // unknown keys, wrong value types and malformed ${{ }} expressions are errors.
    const parsed = parseWorkflow({ name: 'release.yml', content: text }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.map((j) => j.id.value)).toEqual(['build', 'release']);
  });

  it('runs on a version tag, on Linux, Windows and macOS, with Node 22', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const oses = build.strategy.matrix.include.map((m: { os: string }) => m.os);
    expect(oses.map((os: string) => os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    expect(build.strategy['fail-fast']).toBe(false);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(node.with!['node-version']).toBe(22);
  });

  it('installs, builds the Electron-ABI SQLite module, packages AppImage + deb, NSIS and DMG, in that order', () => {
    const checkout = indexOf('checkout', (s) => s.uses?.startsWith('actions/checkout@') ?? false);
    const install = indexOf('npm ci', runs(/^npm ci$/m));
    const native = indexOf('native rebuild', runs(/node scripts\/rebuild-native-for-electron\.mjs/));
    const bundle = indexOf('npm run build', runs(/^npm run build$/m));
    const packaging = indexOf('electron-builder', runs(/npx electron-builder --config electron-builder\.yml \$\{\{ matrix\.targets \}\} --publish never/));
    expect(checkout < install && install < native && native < bundle && bundle < packaging).toBe(true);
    const targets = Object.fromEntries(build.strategy.matrix.include.map((m: { platform: string; targets: string }) => [m.platform, m.targets]));
    expect(targets).toEqual({ linux: '--linux AppImage deb', win: '--win nsis', mac: '--mac dmg' });
  });

  it('runs the Electron journeys against the packaged app (Linux under xvfb) before it keeps any installer', () => {
    const packaging = indexOf('electron-builder', runs(/npx electron-builder/));
    const copy = indexOf('e2e copy', runs(/node scripts\/e2e-app-copy\.mjs/));
    const journeys = indexOf('Playwright Electron project', runs(/npx playwright test --project=electron/));
    const keep = indexOf('upload-artifact', (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(packaging < copy && copy < journeys && journeys < keep).toBe(true);
    expect(steps[copy].run).toContain('DPO_ELECTRON_APP=');
    expect(steps[journeys].run).toMatch(/xvfb-run --auto-servernum npx playwright test --project=electron/);
    for (const s of steps) {
      expect(s['continue-on-error'], s.name).toBeUndefined();
      expect(s.if ?? '', s.name).not.toMatch(/always\(\)|failure\(\)/);
    }
    // The full npm test (with the development Electron under xvfb) gates the Linux build as well.
    expect(steps.find(runs(/xvfb-run --auto-servernum npm test/))).toBeDefined();
  });

  it('publishes only after every platform passed, with SHA-256 checksums beside the installers', () => {
    const release = workflow.jobs.release;
    expect(release.needs).toBe('build');
    expect(release.permissions).toEqual({ contents: 'write' });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const releaseSteps: Step[] = release.steps;
    const sums = releaseSteps.findIndex(runs(/sha256sum -- \* > SHA256SUMS\.txt/));
    const upload = releaseSteps.findIndex(runs(/gh release (create|upload) "\$GITHUB_REF_NAME" assets\/\*/));
    expect(sums).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(sums);
    const kept = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with!.path as string;
    for (const ext of ['AppImage', 'deb', 'exe', 'dmg']) expect(kept).toContain(`dist/dpo-workstation-*.${ext}`);
  });

  it('reads signing and notarisation secrets from the environment and says why it skips them', () => {
    const secrets = [...text.matchAll(/\$\{\{ secrets\.([A-Z_]+) \}\}/g)].map((m) => m[1]);
    expect(new Set(secrets)).toEqual(new Set(['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']));
    // Secrets only ever go into a step's env, never into a command line.
    for (const s of steps) expect(s.run ?? '', s.name).not.toContain('secrets.');
    const signing = steps.find((s) => /Signing and notarisation/.test(s.name ?? ''))!;
    expect(signing.run).toContain('Signing skipped: the CSC_LINK and CSC_KEY_PASSWORD secrets are not set');
    expect(signing.run).toContain('Notarisation skipped:');
    expect(signing.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    const packaging = steps.find(runs(/npx electron-builder/))!;
    expect(Object.keys(packaging.env!).sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK']);
  });

  it('pins every action to a major version and names only scripts and npm scripts that exist', () => {
    const allSteps: Step[] = [...steps, ...workflow.jobs.release.steps];
    for (const s of allSteps.filter((x) => x.uses)) expect(s.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    for (const [, file] of text.matchAll(/node (scripts\/[\w.-]+\.mjs)/g)) expect(existsSync(join(root, file)), file).toBe(true);
    for (const [, script] of text.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts[script], script).toBeDefined();
  });
});
