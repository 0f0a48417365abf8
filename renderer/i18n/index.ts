import { useCallback } from 'react';
import type { Language, LocalizedText } from '../../preload/contract/common';
import { useApp } from '../app/store';

export type Messages = Record<string, string>;
export type Bilingual<M extends Messages> = { en: M; 'zh-CN': { [K in keyof M]: string } };

/** Declares a feature's strings; the type makes zh-CN carry every key that en has. */
export function defineMessages<M extends Messages>(messages: Bilingual<M>): Bilingual<M> {
  return messages;
}

export type Vars = Record<string, string | number>;

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `const t = useT(featureText); t('title')`, in the language chosen in the shell. */
export function useT<M extends Messages>(messages: Bilingual<M>): (key: keyof M & string, vars?: Vars) => string {
  const language = useApp((s) => s.language);
  return useCallback(
    (key, vars) => {
      const m = messages[language] as Messages;
      // Plurals without "(s)": a key may have a "_one" form, used when {n} is 1.
      const one = vars?.n === 1 || vars?.n === '1' ? m[`${key}_one`] : undefined;
      return format(one ?? m[key] ?? (messages.en as Messages)[key] ?? key, vars);
    },
    [language, messages],
  );
}

/** Picks the language of a value computed in main ({ en, zh }: rule names, bases, explanations). */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const language = useApp((s) => s.language);
  return useCallback((text) => (text ? (language === 'zh-CN' ? text.zh : text.en) : ''), [language]);
}

export function detectLanguage(navigatorLanguages: readonly string[]): Language {
  return navigatorLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
