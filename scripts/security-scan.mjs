// The Electron security scan (npm test, test/package/security-scan.test.ts; or by hand:
// `node scripts/security-scan.mjs`): @doyensec/electronegativity over the code that runs in
// Electron (main/, preload/, renderer/ sources) and the built page (out/renderer/index.html, which
// carries the CSP). Every finding must be justified in security-scan.config.json, and every
// justification must still match a finding, so the list never goes stale.
// Offline by construction: the scanner's two downloads (translations, Electron's release list)
// are answered "offline" without a request; the release-list check is skipped in the config.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SOURCE_EXTENSIONS = /\.(ts|tsx|js|jsx)$/;

let runner;
function loadScanner() {
  if (runner) return runner;
  const require = createRequire(import.meta.url);
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = scannerRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: the security scan makes no network requests'));
  Object.assign(offline, { head: offline, get: offline, default: offline, __esModule: true });
  const stub = new Module(gotPath);
  stub.exports = offline;
  stub.loaded = true;
  require.cache[gotPath] = stub;
  runner = scannerRequire('./runner.js');
  return runner;
}

function copySources(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copySources(source, join(to, entry.name));
    else if (SOURCE_EXTENSIONS.test(entry.name)) {
      mkdirSync(to, { recursive: true });
      cpSync(source, join(to, entry.name));
    }
  }
}

/**
 * Scans `inputs` (paths relative to `base`: folders contribute their sources, files themselves)
 * and sorts each finding into justified or not by `config`.
 */
export async function securityScan({ base = root, config = readConfig(), inputs = config.scan } = {}) {
  const stage = mkdtempSync(join(tmpdir(), 'dpo-security-scan-'));
  try {
    for (const input of inputs) {
      const source = join(base, input);
      if (!existsSync(source)) throw new Error(`security scan: ${input} does not exist${input.startsWith('out/') ? ' (run `npm run build` first)' : ''}`);
      if (statSync(source).isDirectory()) copySources(source, join(stage, input));
      else {
        mkdirSync(dirname(join(stage, input)), { recursive: true });
        cpSync(source, join(stage, input));
      }
    }
    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
    const run = loadScanner();
    const quiet = console.log;
    console.log = () => {}; // the scanner prints its banner and "could not retrieve translations"
    let result;
    try {
      result = await run({
        input: stage,
        isRelative: true,
        electronVersionOverride: electronVersion,
        excludeFromScan: config.skippedChecks.map((s) => s.check),
      });
    } finally {
      console.log = quiet;
    }
    const findings = result.issues.map((i) => ({
      check: i.id,
      file: i.file === 'N/A' ? 'N/A' : relative(stage, resolve(stage, i.file)).split('\\').join('/'),
      line: i.location.line,
      column: i.location.column,
      severity: i.severity.name,
      confidence: i.confidence.name,
      description: i.description,
      sample: i.sample,
    }));
    const matches = (j, f) => j.check === f.check && j.file === f.file;
    return {
      electronVersion,
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.filter((e) => !e.tolerable).map((e) => `${relative(stage, e.file)}: ${e.message}`),
      findings,
      unjustified: findings.filter((f) => !config.acceptedFindings.some((j) => matches(j, f))),
      stale: config.acceptedFindings.filter((j) => !findings.some((f) => matches(j, f))),
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export function readConfig(file = join(root, 'security-scan.config.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function main() {
  const config = readConfig();
  const report = await securityScan({ config });
  console.log(`security scan: electronegativity, ${report.checks} checks, Electron ${report.electronVersion}, over ${config.scan.join(', ')}`);
  for (const f of report.findings) {
    const justification = config.acceptedFindings.find((j) => j.check === f.check && j.file === f.file);
    console.log(`  ${justification ? 'justified' : 'FINDING  '} ${f.check} ${f.file}:${f.line}:${f.column} (${f.severity}, ${f.confidence}) ${f.description}`);
    if (justification) console.log(`            because: ${justification.reason}`);
  }
  for (const s of config.skippedChecks) console.log(`  skipped   ${s.check}: ${s.reason}`);
  for (const e of report.errors) console.log(`  ERROR     could not scan ${e}`);
  for (const j of report.stale) console.log(`  STALE     ${j.check} ${j.file}: justified in the config but no longer found; remove it`);
  const failed = report.unjustified.length + report.stale.length + report.errors.length;
  console.log(failed ? `security scan: ${report.unjustified.length} unjustified, ${report.stale.length} stale, ${report.errors.length} unreadable` : 'security scan: 0 unjustified findings');
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
