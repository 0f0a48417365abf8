import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

// The app icons in build/ (scripts/make-icons.sh renders them from build/icon.svg and the
// 16 px redraw build/icon-small.svg).
const build = join(import.meta.dirname, '..', '..', 'build');
const png = (file: string) => PNG.sync.read(readFileSync(join(build, file)));

/** WCAG relative luminance of an sRGB pixel. */
function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('app icons', () => {
  it('has the Linux set at every size, each square at its stated size', () => {
    const sizes = readdirSync(join(build, 'icons')).map((name) => {
      const [, w, h] = name.match(/^(\d+)x(\d+)\.png$/)!;
      const image = png(join('icons', name));
      expect([image.width, image.height], name).toEqual([Number(w), Number(h)]);
      return Number(w);
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    expect(png('icon.png').width).toBeGreaterThanOrEqual(512); // macOS and electron-builder's minimum
  });

  it('reads at 16 px: a light mark on a dark plate, with the keyhole still open', () => {
    const { width, height, data } = png('icons/16x16.png');
    const lum = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return data[i + 3] < 128 ? -1 : luminance(data[i], data[i + 1], data[i + 2]);
    };
    const light: number[] = [];
    const dark: number[] = [];
    let keyhole = 0;
    for (let y = 0; y < height; y++) {
      const row = [...Array(width).keys()].map((x) => lum(x, y));
      row.forEach((l) => (l > 0.7 ? light : l >= 0 && l < 0.2 ? dark : null)?.push(l));
      const first = row.findIndex((l) => l > 0.7);
      const last = row.findLastIndex((l) => l > 0.7);
      for (let x = first + 1; x < last; x++) if (row[x] >= 0 && row[x] < 0.2) keyhole++;
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    // The shield fills a good part of the icon, and mark and plate differ like text and background must (WCAG AA, 4.5:1).
    expect(light.length / (width * height)).toBeGreaterThan(0.25);
    expect((mean(light) + 0.05) / (mean(dark) + 0.05)).toBeGreaterThan(4.5);
    // Dark pixels inside the shield, row by row: the keyhole did not blur away.
    expect(keyhole).toBeGreaterThanOrEqual(6);
  });

  it('has a Windows .ico holding 16 to 256 px and a macOS .icns holding 16 to 1024 px', () => {
    const ico = readFileSync(join(build, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type 1: icon
    const icoSizes = [...Array(ico.readUInt16LE(4)).keys()].map((i) => ico[6 + i * 16] || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));

    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    // is32: 16 px, il32: 32 px, it32: 128 px, ic08/ic09/ic10: 256/512/1024 px.
    expect(types).toEqual(expect.arrayContaining(['is32', 'il32', 'it32', 'ic08', 'ic09', 'ic10']));
  });
});
