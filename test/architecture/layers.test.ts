import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of DESIGN.md, checked on every import in the tree.
const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

const resolveTo = (file: string, spec: string) => (spec.startsWith('.') ? relative(root, join(root, file, '..', spec)) : spec);

describe('layers', () => {
  it('the renderer never imports main, node built-ins or electron', () => {
    const offenders = files('renderer').flatMap((f) =>
      imports(f)
        .filter((s) => resolveTo(f, s).startsWith('main') || s.startsWith('node:') || s === 'electron' || s.startsWith('better-sqlite3'))
        .map((s) => `${f} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('main imports electron only in main/host/electron.ts', () => {
    const offenders = files('main').flatMap((f) =>
      imports(f)
        .filter((s) => s === 'electron' || s.startsWith('electron/'))
        .filter(() => f !== join('main', 'host', 'electron.ts'))
        .map((s) => `${f} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the contract imports nothing but the validation library and itself', () => {
    const offenders = files(join('preload', 'contract')).flatMap((f) =>
      imports(f)
        .filter((s) => !(s === 'zod' || s.startsWith('./')))
        .map((s) => `${f} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('SQL lives in repositories and migrations (plus the store itself)', () => {
    const sqlCall = /\.(prepare|exec)\(\s*[`'"]/;
    const allowed = (f: string) => /(^|[/\\])(repo|migrations|.*-migrations|database|migrate|migration-ledger)\.ts$/.test(f) || /[/\\]repo[/\\]/.test(f) || f.includes(join('main', 'vault', 'service.ts'));
    const offenders = files('main').filter((f) => !allowed(f) && sqlCall.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
