import type { z } from 'zod';
import { PROBLEM_EN, problem, type Problem, type ProblemCode } from '../../preload/contract/problems';

// zod's issues as problems of the catalogue, by their kind, so that every schema of the contract
// (and the next one someone writes) is said in the DPO's language without a wording of its own.

// A refinement's message that is one of the catalogue's wordings is that problem.
const BY_WORDING = new Map(
  Object.entries(PROBLEM_EN)
    .filter((e): e is [ProblemCode, string] => typeof e[1] === 'string')
    .map(([code, words]) => [words, code]),
);

const TYPE_PROBLEM: Record<string, ProblemCode> = {
  string: 'notText',
  number: 'notNumber',
  int: 'wholeNumber',
  boolean: 'notYesNo',
  array: 'notList',
  object: 'notObject',
  record: 'notObject',
};

const FORMAT_PROBLEM: Record<string, ProblemCode> = { email: 'notEmail', url: 'notUrl', datetime: 'notInstant', date: 'notDate' };

/** What the value at an issue's path was (a missing key is "required", not "expected string"). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export function zodIssueProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
  const known = BY_WORDING.get(issue.message);
  if (known) return { code: known } as Problem;
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return problem('required');
      return { code: TYPE_PROBLEM[issue.expected] ?? 'badValue' } as Problem;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return problem('tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return problem('tooMany', { max });
      return problem('tooHigh', { max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? problem('required') : problem('tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? problem('required') : problem('tooFew', { min });
      return problem('tooLow', { min });
    }
    case 'invalid_format':
      return { code: FORMAT_PROBLEM[issue.format] ?? 'badFormat' } as Problem;
    case 'invalid_value':
      return problem('notOneOf', { options: issue.values.map(String).join(', ') });
    case 'not_multiple_of':
      return problem('wholeNumber');
    default:
      return problem('badValue');
  }
}
