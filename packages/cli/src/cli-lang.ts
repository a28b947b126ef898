/**
 * The language of the command's messages: Chinese by default, English with `--lang en` or `XINSUAN_LANG=en`.
 * @example setCliLang("en"); cliLang() === "en"
 */
export type CliLang = "zh" | "en";

let current: CliLang = "zh";

/** Sets the language for this run. */
export function setCliLang(lang: CliLang): void {
  current = lang;
}

/** The language of this run. */
export function cliLang(): CliLang {
  return current;
}
