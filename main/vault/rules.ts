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
