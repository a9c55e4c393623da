import { useCallback } from 'react';
import { useI18n } from '../i18n';

/** A page's own words ({ zh, en } maps kept beside it) in the chosen language, with {name} filled in. */
export function useWords<K extends string>(words: { zh: Record<K, string>; en: Record<K, string> }) {
  const { lang } = useI18n();
  const dict = lang === 'en-US' ? words.en : words.zh;
  return useCallback((key: K, vars?: Record<string, string | number>): string => {
    const text = dict[key] ?? words.zh[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  }, [dict, words.zh]);
}
