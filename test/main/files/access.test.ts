import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileAccess, type NativePicker } from '../../../main/files/access';
import { isInside, purposeProblem } from '../../../main/files/rules';
import { englishOf } from '../../helpers/problems';
import { AppError } from '../../../main/shared/errors';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'dpo-files-'));
  root = join(base, 'granted');
  outside = join(base, 'elsewhere');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(root, 'recipients.csv'), 'email\na@example.com\n');
  writeFileSync(join(outside, 'secret.csv'), 'email\nsecret@example.com\n');
  writeFileSync(join(root, 'notes.txt'), 'x');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** The error a refused grant gives: code and the field's message. */
function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.fields ? Object.values(e.fields)[0] : undefined };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('typed paths under the HTTP host (granted folders)', () => {
  const access = () => new FileAccess({ defaultRoots: () => [root] });

  it('grants a regular file of the right kind inside a granted folder, and resolves it by id', () => {
    const files = access();
    const grant = files.grantPath({ purpose: 'recipients', mode: 'open', path: join(root, 'recipients.csv') });
    expect(grant).toMatchObject({ name: 'recipients.csv', size: 20, purpose: 'recipients', mode: 'open' });
    expect(grant.grantId).toMatch(/^[0-9a-f]{32}$/);
    expect(files.resolve(grant.grantId, { purpose: 'recipients', modes: ['open'] }).path).toBe(join(root, 'recipients.csv'));
  });

  it.each([
    ['/etc/passwd: outside, and not a .csv', () => '/etc/passwd', 'VALIDATION', 'Choose a .csv or .txt file'],
    ['a file outside every granted folder', () => join(outside, 'secret.csv'), 'FORBIDDEN', 'Outside the folders granted in Settings'],
    ['a relative path', () => 'granted/recipients.csv', 'VALIDATION', 'Give the full path, starting from the drive or /'],
    ['a path with NUL', () => `${root}/recipients.csv\0.csv`, 'VALIDATION', 'Give the full path, starting from the drive or /'],
    ['.. escaping the folder', () => join(root, '..', 'elsewhere', 'secret.csv'), 'FORBIDDEN', 'Outside the folders granted in Settings'],
    ['a missing file', () => join(root, 'missing.csv'), 'VALIDATION', 'There is no file at this path'],
    ['a folder named like a file', () => (mkdirSync(join(root, 'dir.csv')), join(root, 'dir.csv')), 'VALIDATION', 'This is not a regular file'],
  ])('refuses %s', (_why, path, code, message) => {
    const r = refusal(() => access().grantPath({ purpose: 'recipients', mode: 'open', path: path() }));
    expect(r).toEqual({ code, field: message });
  });

  it('refuses a link inside the folder that points outside it', () => {
    symlinkSync(join(outside, 'secret.csv'), join(root, 'link.csv'));
    expect(refusal(() => access().grantPath({ purpose: 'recipients', mode: 'open', path: join(root, 'link.csv') })).code).toBe('FORBIDDEN');
  });

  it('a save grant needs an existing folder inside the roots and never names an existing file', () => {
    const files = access();
    const grant = files.grantPath({ purpose: 'export', mode: 'save', path: join(root, 'register.xlsx') });
    expect(grant.size).toBeNull();
    expect(refusal(() => files.grantPath({ purpose: 'export', mode: 'save', path: join(root, 'notes.txt') })).field).toMatch(/already exists/);
    expect(refusal(() => files.grantPath({ purpose: 'export', mode: 'save', path: join(root, 'nope', 'a.csv') })).field).toBe('The folder does not exist');
    expect(refusal(() => files.grantPath({ purpose: 'export', mode: 'save', path: join(outside, 'a.csv') })).code).toBe('FORBIDDEN');
    expect(refusal(() => files.grantPath({ purpose: 'export', mode: 'open', path: join(root, 'notes.txt') })).field).toBe('A export file cannot be chosen for "open"');
  });

  it('re-checks at use: a file swapped for a link, or a grant used for another purpose, is refused', () => {
    const files = access();
    const grant = files.grantPath({ purpose: 'recipients', mode: 'open', path: join(root, 'recipients.csv') });
    expect(refusal(() => files.resolve(grant.grantId, { purpose: 'calendar', modes: ['open'], field: 'source.grantId' }))).toEqual({
      code: 'VALIDATION',
      field: 'This file was chosen for another use (recipients, open)',
    });
    rmSync(join(root, 'recipients.csv'));
    symlinkSync(join(outside, 'secret.csv'), join(root, 'recipients.csv'));
    expect(refusal(() => files.resolve(grant.grantId, { purpose: 'recipients', modes: ['open'] })).code).toBe('FORBIDDEN');
  });

  it('forgets every grant when cleared (lock)', () => {
    const files = access();
    const grant = files.grantPath({ purpose: 'recipients', mode: 'open', path: join(root, 'recipients.csv') });
    files.clear();
    expect(refusal(() => files.resolve(grant.grantId, { purpose: 'recipients', modes: ['open'] })).field).toBe('This file choice has expired; choose the file again');
  });

  it('uses the Settings list instead of the defaults once the vault gives one, plus the host extras', () => {
    const files = new FileAccess({ defaultRoots: () => ['/default'], extraRoots: ['/extra'] });
    expect(files.roots()).toEqual({ access: 'roots', roots: ['/default', '/extra'], defaults: true });
    files.useSettingsRoots(() => [outside]);
    expect(files.roots()).toEqual({ access: 'roots', roots: [outside, '/extra'], defaults: false });
    expect(files.grantPath({ purpose: 'recipients', mode: 'open', path: join(outside, 'secret.csv') }).name).toBe('secret.csv');
  });

  it('has no system dialog to open', async () => {
    await expect(access().pick({ purpose: 'backup', mode: 'save' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the system dialog (Electron)', () => {
  const picker = (answer: string | null, seen: unknown[] = []): NativePicker => ({
    pick: async (request) => (seen.push(request), answer),
  });

  it('grants the chosen file without any root, and offers only the purpose\'s extensions', async () => {
    const seen: unknown[] = [];
    const files = new FileAccess({ picker: picker(join(outside, 'secret.csv'), seen) });
    const grant = await files.pick({ purpose: 'recipients', mode: 'open', extensions: ['csv', 'exe'] });
    expect(grant?.name).toBe('secret.csv');
    expect(seen).toEqual([{ purpose: 'recipients', mode: 'open', extensions: ['csv'] }]);
  });

  it('answers null when the DPO cancels, and refuses typed paths', async () => {
    const files = new FileAccess({ picker: picker(null) });
    expect(await files.pick({ purpose: 'backup', mode: 'open' })).toBeNull();
    expect(refusal(() => files.grantPath({ purpose: 'recipients', mode: 'open', path: join(root, 'recipients.csv') })).code).toBe('FORBIDDEN');
  });

  it('a save the dialog confirmed may replace an existing file', async () => {
    const files = new FileAccess({ picker: picker(join(root, 'notes.txt')) });
    const grant = await files.pick({ purpose: 'export', mode: 'save' });
    expect(files.resolve(grant!.grantId, { purpose: 'export', modes: ['save'] }).overwrite).toBe(true);
  });
});

describe('rules', () => {
  it.each([
    ['/a', '/a', true],
    ['/a', '/a/b/c', true],
    ['/a', '/ab', false],
    ['/a', '/a/../b', false],
    ['/a/b', '/a', false],
  ])('isInside(%s, %s) = %s', (r, p, expected) => expect(isInside(r, p)).toBe(expected));

  it.each([
    ['backup', 'save', 'x.dpobackup', null],
    ['backup', 'save', 'x.zip', 'Choose a .dpobackup file'],
    ['attachment', 'open', 'anything.bin', null],
    ['mergeOutput', 'folder', 'out', null],
    ['recipients', 'save', 'a.csv', 'A recipients file cannot be chosen for "save"'],
  ] as const)('%s/%s %s → %s', (purpose, mode, name, expected) => expect(englishOf(purposeProblem(purpose, mode, name))).toBe(expected));
});
