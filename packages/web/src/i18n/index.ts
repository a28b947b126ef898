/**
 * i18n entry: provider, hooks and the language switch.
 * @example import { useT } from "../i18n";
 */
export { I18nProvider, type TFunction, translate, useLang, useT } from "./i18n-provider";
export { LangSwitch } from "./lang-switch";
export type { Dict, DictPair, Lang } from "./types";
