/**
 * Reads a policy YAML text into a validated document, keeping where every value sits in the file so that
 * problems (schema, formula) point at file:line:col.
 * @example const r = loadPolicyText(text, "policy.yaml"); if (r.policy) compilePolicy(r.policy)
 */
import { isMap, isScalar, LineCounter, parseDocument, Scalar } from "yaml";
import type { Location, Problem } from "../formula/problems.js";
import { type PolicyDoc, PolicySchema } from "./schema.js";

export type YamlPath = (string | number)[];

/** A validated policy with a way to find positions of its parts. */
export type LoadedPolicy = {
  doc: PolicyDoc;
  file: string;
  /** Position of the value at a path, e.g. ["items", 3, "formula"]. */
  locate: (path: YamlPath) => Location | undefined;
  /** Position of the key that defines the entry at a path (where a name is defined). */
  locateKey: (path: YamlPath) => Location | undefined;
  /** Maps a 1-based line/column inside the formula at `path` to a file position. */
  locateInFormula: (path: YamlPath, line: number, column: number) => Location | undefined;
};

/**
 * Parses and validates policy YAML; returns every problem found, each with file, line and column.
 * @example loadPolicyText("id: x", "p.yaml").problems.length > 0
 */
export function loadPolicyText(text: string, file: string): { policy?: LoadedPolicy; problems: Problem[] } {
  const lc = new LineCounter();
  const ydoc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of ydoc.errors) {
    const pos = lc.linePos(err.pos[0]);
    problems.push({
      code: "SCHEMA",
      severity: "error",
      at: { file, line: pos.line, column: pos.col },
      zh: `YAML 格式错误：${err.message.split("\n")[0]}`,
      en: `YAML syntax error: ${err.message.split("\n")[0]}`,
    });
  }
  if (problems.length > 0) return { problems };

  const locate = (path: YamlPath): Location | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = ydoc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      const range = node && typeof node === "object" ? node.range : undefined;
      if (range) {
        const pos = lc.linePos(range[0]);
        return { file, line: pos.line, column: pos.col, path: path.join(".") };
      }
    }
    return undefined;
  };

  const locateKey = (path: YamlPath): Location | undefined => {
    const parent = ydoc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (it) => isScalar(it.key) && String(it.key.value) === String(path[path.length - 1]),
      );
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) {
        const pos = lc.linePos(range[0]);
        return { file, line: pos.line, column: pos.col, path: path.join(".") };
      }
    }
    return locate(path);
  };

  const locateInFormula = (path: YamlPath, line: number, column: number): Location | undefined => {
    const node = ydoc.getIn(path, true);
    if (!isScalar(node) || !node.range) return locate(path);
    const start = node.range[0];
    const type = node.type;
    if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
      const header = lc.linePos(start);
      const afterHeader = text.indexOf("\n", start) + 1;
      const firstLine = text.slice(afterHeader).match(/^( *)/);
      const indent = firstLine?.[1]?.length ?? 0;
      return { file, line: header.line + line, column: indent + column, path: path.join(".") };
    }
    const quote = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? 1 : 0;
    const pos = lc.linePos(start + quote);
    return line === 1
      ? { file, line: pos.line, column: pos.col + column - 1, path: path.join(".") }
      : { file, line: pos.line + line - 1, column, path: path.join(".") };
  };

  const raw: unknown = ydoc.toJS({ maxAliasCount: 100 });
  const parsed = PolicySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const where = path.join(".") || "（根）";
      problems.push({
        code: "SCHEMA",
        severity: "error",
        at: locate(path) ?? { file, line: 1, column: 1 },
        zh: `方案字段“${where}”：${describeIssueZh(issue)}`,
        en: `policy field "${where}": ${issue.message}`,
      });
    }
    return { problems };
  }
  return { policy: { doc: parsed.data, file, locate, locateKey, locateInFormula }, problems };
}

type Issue = { code: string; message: string; expected?: unknown; keys?: unknown };

function describeIssueZh(issue: Issue): string {
  if (issue.message.includes("|")) return issue.message.split("|")[0]!.trim();
  switch (issue.code) {
    case "invalid_type":
      return issue.message.includes("received undefined") || issue.message.includes("undefined")
        ? "缺少必填项"
        : `类型不对（${issue.message}）`;
    case "unrecognized_keys":
      return `有不认识的字段：${Array.isArray(issue.keys) ? issue.keys.join("、") : ""}`;
    case "invalid_union":
      return "写法不对，请对照模板检查这一项";
    case "invalid_value":
      return `取值不对（${issue.message}）`;
    case "too_small":
      return `不能为空或过小（${issue.message}）`;
    case "too_big":
      return `过大（${issue.message}）`;
    default:
      return issue.message;
  }
}
