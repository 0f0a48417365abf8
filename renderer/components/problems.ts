import type { Language } from '../../preload/contract/common';
import { PROBLEM_EN, sayProblem, type Problem, type ProblemWording } from '../../preload/contract/problems';
import type { AppErrorDto } from '../../preload/contract/result';
import { useApp } from '../app/store';
import { PROBLEM_ZH } from './problems-zh';

// The one registry through which the renderer says main's problems: by code, in the UI language.
// English comes from the contract (its one home), Chinese from problems-zh.ts (the compiler
// requires a wording per code). A field main sent without a problem (an older path) shows its text.

const WORDS: Record<Language, ProblemWording> = { en: PROBLEM_EN, 'zh-CN': PROBLEM_ZH };

export const sayProblemIn = (p: Problem, language: Language): string => sayProblem(p, WORDS[language]);

/** The field's problem in the UI language, or undefined when main named no problem there. */
export function fieldProblem(error: AppErrorDto | undefined, name: string, language: Language): string | undefined {
  const p = error?.problems?.[name];
  return p ? sayProblemIn(p, language) : error?.fields?.[name];
}

/** The error's own message in the UI language (a conflict, a refusal), else main's text. */
export function errorMessage(error: AppErrorDto, language: Language): string {
  return error.problem ? sayProblemIn(error.problem, language) : error.message;
}

/** Each field's problem in the UI language, field path → words. */
export function fieldProblems(error: AppErrorDto | undefined, language: Language): [string, string][] {
  return Object.keys(error?.fields ?? error?.problems ?? {}).map((k) => [k, fieldProblem(error, k, language) ?? '']);
}

/**
 * The language to say a problem in, read where a hook cannot be used (fieldError is called while
 * rendering; every form that calls it also reads its labels with useT, so it re-renders on a switch).
 */
export const currentLanguage = (): Language => useApp.getState().language;

/** A failed job's error in the UI language (its problem when main sent one). */
export function jobErrorText(error: { message: string; problem?: Problem } | null | undefined, language: Language): string {
  if (!error) return '';
  return error.problem ? sayProblemIn(error.problem, language) : error.message;
}
