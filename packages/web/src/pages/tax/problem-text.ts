/**
 * The message of a core TaxProblem in the UI language.
 * @example problemText(p, "en-US")
 */
import type { TaxProblem } from "@xinsuan/core";
import type { Lang } from "../../i18n";

/** The problem's message in the language. @example problemText(p, "zh-CN") === p.zh */
export function problemText(p: TaxProblem, lang: Lang): string {
  return lang === "en-US" ? p.en : p.zh;
}

/** The message without its field-path prefix (for showing next to the field). @example shortProblemText(p, "zh-CN") */
export function shortProblemText(p: TaxProblem, lang: Lang): string {
  const text = problemText(p, lang);
  if (!p.path) return text;
  for (const sep of ["：", ": "]) {
    if (text.startsWith(`${p.path}${sep}`)) return text.slice(p.path.length + sep.length);
  }
  return text;
}
