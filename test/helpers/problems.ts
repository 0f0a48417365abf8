import { sayProblem, type Problem } from '../../preload/contract/problems';

/** A rule's problems in their English words (what `fields` carries), for tests written against the words. */
export function englishOf(p: Problem | null): string | null;
export function englishOf(p: Record<string, Problem>): Record<string, string>;
export function englishOf(p: Problem | Record<string, Problem> | null): string | null | Record<string, string> {
  if (p === null) return null;
  if (typeof (p as Problem).code === 'string') return sayProblem(p as Problem);
  return Object.fromEntries(Object.entries(p as Record<string, Problem>).map(([k, v]) => [k, sayProblem(v)]));
}
