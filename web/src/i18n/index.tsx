// A tiny i18n: two dictionaries, a context with the current locale, and t(key, vars).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { Locale } from "../api/types";
import { setRequestLocale } from "../api/client";
import { en, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";

const DICTS: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };
const STORAGE_KEY = "dayclear.locale";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function isLocale(v: unknown): v is Locale {
  return v === "zh-CN" || v === "en";
}

export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLocale(v)) return v;
  } catch {
    // Storage may be unavailable (private mode); fall back to the default.
  }
  // Chinese is the default; a browser that asks for English gets English until someone chooses.
  const preferred =
    typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  return preferred[0]?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

export function translate(
  locale: Locale,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const s = DICTS[locale][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    setRequestLocale(initial);
    return initial;
  });
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    setRequestLocale(l);
    document.documentElement.lang = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not remembered on this device; the account still remembers it when signed in.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
