import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The one bundled font (renderer/public/fonts/noto-sans-cjk-sc, SIL OFL): the renderer build
// copies it to out/renderer/fonts/, where the built main (out/main, out/bench) finds it; tests
// and scripts running from source find it in the source tree. No system font is ever used, so a
// PDF looks the same on a machine with no Chinese fonts.

export const FONT_FILE = 'fonts/noto-sans-cjk-sc/NotoSansCJKsc-Regular-subset.otf';

let cached: Buffer | null = null;

declare const __dirname: string;

export function fontCandidates(): string[] {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return [
    ...(process.env.DPO_FONT_FILE ? [process.env.DPO_FONT_FILE] : []),
    join(here, '..', 'renderer', FONT_FILE),
    join(here, '..', '..', '..', 'renderer', 'public', FONT_FILE),
    join(process.cwd(), 'renderer', 'public', FONT_FILE),
  ];
}

/** The font's bytes, read once per process. */
export function cjkFont(): Buffer {
  if (cached) return cached;
  const path = fontCandidates().find((p) => existsSync(p));
  if (!path) throw new Error(`The bundled CJK font is missing (looked in ${fontCandidates().join(', ')})`);
  cached = readFileSync(path);
  return cached;
}
