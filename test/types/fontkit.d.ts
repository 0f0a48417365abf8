// fontkit comes with pdfkit (which parses the bundled font with it); the font test asks it about glyphs.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    getName(key: string, lang?: string): string | null;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array): Font;
}
