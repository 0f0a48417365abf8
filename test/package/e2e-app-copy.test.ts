import { getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script run by the release workflow
import { makeE2eCopy } from '../../scripts/e2e-app-copy.mjs';
import { APP_DIR, EXECUTABLE, requirePackage } from './layout';

const INSPECT = 3; // FuseV1Options.EnableNodeCliInspectArguments
const dir = mkdtempSync(join(tmpdir(), 'dpo-e2e-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wire = async (exe: string) => {
  const w = (await getCurrentFuseWire(exe)) as unknown as Record<number, number>;
  return [...Array(8).keys()].map((i) => String.fromCharCode(w[i])).join('');
};

describe("the release job's e2e copy of the packaged app", () => {
  it('turns on only the inspector fuse Playwright needs, in the copy, and leaves the package as shipped', async () => {
    requirePackage();
    const shipped = await wire(EXECUTABLE);
    expect(shipped[INSPECT]).toBe('0');
    const copy: string = await makeE2eCopy(APP_DIR, dir);
    expect(copy).toBe(join(dir, 'linux-unpacked', 'dpo-workstation'));
    const copied = await wire(copy);
    expect(copied[INSPECT]).toBe('1');
    expect([...copied].filter((_, i) => i !== INSPECT)).toEqual([...shipped].filter((_, i) => i !== INSPECT));
    expect(await wire(EXECUTABLE)).toBe(shipped);
  });
});
