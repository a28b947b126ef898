/**
 * A small 中文 / English switch used in the header and on the sign-in pages.
 * @example <LangSwitch />
 */
import { Segmented } from "antd";
import { useLang } from "./i18n-provider";
import type { Lang } from "./types";

/** Switches the UI language. @example <LangSwitch size="small" /> */
export function LangSwitch({ size = "middle" }: { size?: "small" | "middle" }) {
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      size={size}
      value={lang}
      onChange={(v) => setLang(v)}
      data-testid="lang-switch"
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "EN", value: "en-US" },
      ]}
    />
  );
}
