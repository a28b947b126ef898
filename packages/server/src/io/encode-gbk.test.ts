import { describe, expect, it } from "vitest";
import { encodeGbk, unencodableGbk } from "./encode-gbk.js";

describe("encodeGbk", () => {
  it("encodes Chinese and ASCII so the platform's GB18030 decoder reads the same text back", () => {
    const text = "账号,户名,金额\r\n6222020000000000001,张三丰,1234.56\r\n中国工商银行 龘 （）〇";
    const bytes = encodeGbk(text);
    expect(new TextDecoder("gb18030").decode(bytes)).toBe(text);
    // 工 is B9A4 and 资 D7CA in GB2312/GBK (code charts)
    expect([...encodeGbk("工资")]).toEqual([0xb9, 0xa4, 0xd7, 0xca]);
    expect([...encodeGbk("A")]).toEqual([0x41]);
  });

  it("names characters GBK cannot hold and refuses to encode them", () => {
    expect(unencodableGbk("张😀三😀")).toEqual(["😀"]);
    expect(unencodableGbk("张三")).toEqual([]);
    expect(() => encodeGbk("张😀")).toThrow(/U\+1F600/);
  });
});
