/**
 * Language state of the app: zh-CN by default, kept in localStorage, with antd's locale switched too and the API
 * client told which Accept-Language to send.
 * @example <I18nProvider><App /></I18nProvider>; const t = useT(); t("nav.home")
 */
import { ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setApiLanguage } from "../api/client";
import { mergeDicts } from "./dicts";
import { LANGS, type Lang } from "./types";

const STORAGE_KEY = "xinsuan.lang";
const DICTS = mergeDicts();

/** Translates a key, replacing `{name}` with vars.name. @example t("login.required", { field: "密码" }) */
export type TFunction = (key: string, vars?: Record<string, string | number>) => string;

type I18nState = { lang: Lang; setLang: (l: Lang) => void; t: TFunction };

const I18nContext = createContext<I18nState | null>(null);

function readStoredLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGS.find((l) => l === v) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/**
 * Looks a key up in a language, falling back to Chinese and then to the key itself.
 * @example translate("en-US", "nav.home") === "Home"
 */
export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const text = DICTS[lang][key] ?? DICTS["zh-CN"][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Provides the language, `t` and antd's locale to the tree. @example <I18nProvider>{children}</I18nProvider> */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private mode: the choice just lasts for this page.
    }
    setApiLanguage(l);
    setLangState(l);
  }, []);
  const value = useMemo<I18nState>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === "en-US" ? enUS : zhCN}
        theme={{ token: { colorPrimary: "#1668dc", borderRadius: 6 } }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nState {
  const v = useContext(I18nContext);
  if (!v) throw new Error("useT outside I18nProvider");
  return v;
}

/** The translate function of the current language. @example const t = useT(); t("nav.home") */
export function useT(): TFunction {
  return useI18n().t;
}

/** The current language and its setter. @example const { lang, setLang } = useLang(); */
export function useLang(): { lang: Lang; setLang: (l: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}
