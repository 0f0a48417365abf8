/**
 * A hint, not a gate: the gate is the 12-character minimum in the contract. The hint keys
 * are translated by the renderer.
 */
export function passphraseStrength(passphrase: string): { score: number; hints: string[] } {
  const hints: string[] = [];
  const chars = [...passphrase];
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const unique = new Set(chars).size;
  let score = 0;
  if (chars.length >= 12) score++;
  if (chars.length >= 16) score++;
  if (chars.length >= 24) score++;
  if (classes >= 3 || /[^\x00-\x7f]/.test(passphrase)) score++;
  if (chars.length < 12) hints.push('tooShort');
  if (unique < Math.min(8, chars.length)) {
    hints.push('repeated');
    score = Math.max(0, score - 2);
  }
  if (/^(?:password|passw0rd|123456|qwerty|abc123|admin|letmein)/i.test(passphrase)) {
    hints.push('common');
    score = 0;
  }
  if (chars.length < 16 && classes < 3) hints.push('addWords');
  return { score: Math.min(4, score), hints };
}

/** From this many failed unlocks in a row, the next attempt waits (DESIGN.md: no full-speed guessing). */
export const FAILURES_BEFORE_DELAY = 5;
/** The longest wait between attempts. */
export const MAX_UNLOCK_DELAY_MS = 5 * 60_000;

/**
 * How long after the last failure the next attempt is refused: nothing for the first four
 * failures, then 1 s, 2 s, 4 s … doubling per failure, at most five minutes. Pure.
 */
export function unlockDelayMs(failures: number): number {
  if (failures < FAILURES_BEFORE_DELAY) return 0;
  return Math.min(MAX_UNLOCK_DELAY_MS, 1000 * 2 ** (failures - FAILURES_BEFORE_DELAY));
}

/** Milliseconds still to wait before another attempt is allowed (0 = try now). Pure. */
export function unlockWaitMs(failures: { count: number; lastAt: string } | null, now: Date): number {
  if (!failures) return 0;
  const until = Date.parse(failures.lastAt) + unlockDelayMs(failures.count);
  return Math.max(0, until - now.getTime());
}
