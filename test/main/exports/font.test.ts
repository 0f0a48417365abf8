import * as fontkit from 'fontkit';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cjkFont } from '../../../main/exports/pack/font';

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

describe('the bundled CJK font', () => {
  const font = fontkit.create(cjkFont());

  it('is the SIL OFL Noto Sans CJK SC subset', () => {
    expect(font.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(font.getName('licenseURL') ?? '').toMatch(/OFL/);
  });

  // main and the contract hold every word a report or export prints (the screens fall back to system fonts).
  it('has a glyph for every character main can write into a report', () => {
    const missing = new Set<string>();
    for (const root of ['main', 'preload/contract']) {
      for (const file of sourceFiles(root)) {
        for (const ch of readFileSync(file, 'utf8')) {
          const cp = ch.codePointAt(0)!;
          // Only the characters of the app's words: Chinese, punctuation, symbols (not emoji in comments).
          if (cp < 0x80 || cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) continue;
          if (!font.hasGlyphForCodePoint(cp)) missing.add(`${ch} U+${cp.toString(16).toUpperCase()} (${file})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
