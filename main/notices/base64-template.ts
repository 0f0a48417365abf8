// Base64 of a text with merge fields, without re-encoding its fixed parts for every recipient.
//
// Base64 maps each 3 bytes to 4 characters, so a fixed piece of text encodes the same way
// wherever it starts, up to its offset modulo 3. Each literal piece is therefore encoded once
// for each of the three possible offsets; per recipient only the field values and the 1–2
// bytes that straddle a boundary are encoded. RFC 2045 §6.8 limits base64 lines to 76
// characters but does not require them to be full, so every piece keeps its own short last
// line and decoders (which ignore line breaks) read the same bytes back.

const LINE = 76;

interface LiteralVariant {
  /** Bytes taken from the head of the literal to complete the carried group (0, 1 or 2). */
  head: number;
  /** Base64 of the aligned middle, already in lines. */
  encoded: string;
  /** Bytes left over at the end (0–2), carried into the next piece. */
  tail: Buffer;
}

export interface Base64Template {
  /** For each literal, the variant for a carry of 0, 1 or 2 bytes. */
  literals: { bytes: Buffer; variants: LiteralVariant[] }[];
  fields: string[];
  eol: string;
}

function lines(b64: string, eol: string): string {
  if (b64.length <= LINE) return b64;
  let out = b64.slice(0, LINE);
  for (let i = LINE; i < b64.length; i += LINE) out += eol + b64.slice(i, i + LINE);
  return out;
}

export function compileBase64(literals: string[], fields: string[], eol: string): Base64Template {
  return {
    fields,
    eol,
    literals: literals.map((text) => {
      const bytes = Buffer.from(text, 'utf8');
      const variants = [0, 1, 2].map((carry) => {
        const head = carry === 0 ? 0 : Math.min(3 - carry, bytes.length);
        const rest = bytes.length - head;
        const aligned = rest - (rest % 3);
        return {
          head,
          encoded: lines(bytes.subarray(head, head + aligned).toString('base64'), eol),
          tail: bytes.subarray(head + aligned),
        };
      });
      return { bytes, variants };
    }),
  };
}

/** Scratch space for the bytes around one field: reused, so a merge allocates no buffers per recipient. */
let scratch = Buffer.allocUnsafe(1 << 16);

/** Fills the fields (values keyed by field name) and returns base64 in lines of at most 76 characters. */
export function fillBase64(t: Base64Template, values: Record<string, string>): string {
  return fillBase64Parts(t, values).join('');
}

/**
 * The same, as pieces in order (line breaks included) for a writer that copies them one by one:
 * the precomputed pieces are reused as they are, never copied into a new string per recipient.
 */
export function fillBase64Parts(t: Base64Template, values: Record<string, string>): string[] {
  const out: string[] = [];
  // Short pieces (a straddling group, a name) are joined into one string: fewer copies for the writer.
  let small = '';
  const push = (s: string) => {
    if (!s) return;
    const piece = out.length || small ? t.eol + s : s;
    if (s.length < 160) {
      small += piece;
      return;
    }
    if (small) out.push(small);
    small = '';
    out.push(piece);
  };
  // `used` bytes at the start of scratch are carried (not yet encoded): fewer than 3 between pieces.
  let used = 0;
  for (let i = 0; i < t.literals.length; i++) {
    const lit = t.literals[i];
    const v = lit.variants[used];
    let complete = true;
    if (used > 0) {
      lit.bytes.copy(scratch, used, 0, v.head);
      used += v.head;
      // A literal too short to complete the carried group is carried whole (its variant is empty).
      complete = used === 3;
      if (complete) push(scratch.toString('base64', 0, 3));
    }
    if (complete) {
      push(v.encoded);
      v.tail.copy(scratch, 0);
      used = v.tail.length;
    }
    if (i < t.fields.length) {
      const value = values[t.fields[i]] ?? '';
      if (used + value.length * 3 > scratch.length) {
        const bigger = Buffer.allocUnsafe(2 * (used + value.length * 3));
        scratch.copy(bigger, 0, 0, used);
        scratch = bigger;
      }
      used += scratch.write(value, used, 'utf8');
      const aligned = used - (used % 3);
      if (aligned > 0) {
        push(lines(scratch.toString('base64', 0, aligned), t.eol));
        scratch.copy(scratch, 0, aligned, used);
        used -= aligned;
      }
    }
  }
  push(scratch.toString('base64', 0, used));
  if (small) out.push(small);
  return out;
}
