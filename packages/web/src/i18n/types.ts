/**
 * Types of the UI dictionaries: one flat key → text map per language.
 * @example const d: DictPair = { "zh-CN": { "nav.home": "工作台" }, "en-US": { "nav.home": "Home" } };
 */

/** A UI language. @example const l: Lang = "zh-CN"; */
export type Lang = "zh-CN" | "en-US";

/** Key → text; `{name}` in a text is replaced by the variable `name`. @example { "hello": "你好，{name}" } */
export type Dict = Record<string, string>;

/** The same keys in both languages. @example export const dictFoo: DictPair = { "zh-CN": {}, "en-US": {} }; */
export type DictPair = Record<Lang, Dict>;

/** All languages, default first. @example LANGS[0] === "zh-CN" */
export const LANGS: readonly Lang[] = ["zh-CN", "en-US"];
