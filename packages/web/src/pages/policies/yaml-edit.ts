/**
 * Edits of a policy's YAML text that the structured editor makes: a scalar is replaced in place in the text (so
 * the rest of the file keeps its layout and comments); structural edits (add, remove, rename) go through the
 * `yaml` Document and re-serialise it.
 * @example setScalar(text, ["params", "培训日薪", "value"], "12", "scalar")
 */
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, Scalar, YAMLMap } from "yaml";

/** A path into the YAML document. @example ["items", 0, "formula"] */
export type YamlPath = (string | number)[];

/** How the typed text becomes a value: "string" keeps it as text, "scalar" reads it as YAML (10 → number). */
export type ScalarMode = "string" | "scalar";

const OPTIONS = { lineWidth: 0 } as const;

/** Parses a text; null when the YAML itself is broken. @example parsePolicyDoc("a: 1")?.get("a") === 1 */
export function parsePolicyDoc(text: string): Document.Parsed | null {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length > 0 ? null : doc;
}

/** The value the typed text stands for. @example readTypedValue("10", "scalar") === 10 */
export function readTypedValue(raw: string, mode: ScalarMode): unknown {
  if (mode === "string") return raw;
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  const doc = parseDocument(trimmed);
  if (doc.errors.length > 0 || !isScalar(doc.contents)) return trimmed;
  return doc.contents.value;
}

/** The text of a scalar as written in the file (a number keeps its decimals). @example scalarText(node) === "10.50" */
export function scalarText(node: unknown): string {
  if (!isScalar(node)) return node === undefined || node === null ? "" : String(node);
  if (typeof node.source === "string" && typeof node.value !== "string") return node.source;
  if (node.value === null || node.value === undefined) return "";
  return String(node.value);
}

/** Spellings to try for a value on one line: the typed text as it is, then a quoted form (each is verified). */
function inlineSources(value: unknown, raw: string): string[] {
  if (typeof value === "string" && value.includes("\n")) return [];
  const out: string[] = [];
  const typed = raw.trim();
  if (typed === raw || typeof value !== "string") out.push(typed);
  const doc = new Document([value]);
  if (isSeq(doc.contents)) doc.contents.flow = true;
  const m = /^\[(.*)\]\s*$/s.exec(doc.toString({ ...OPTIONS, flowCollectionPadding: false }).trim());
  if (m?.[1] && !out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Keeps the original spelling of every line the re-serialisation only re-spaced (e.g. "[a, b]" vs "[ a, b ]"). */
function keepLayout(before: string, after: string): string {
  const key = (line: string) => `${/^ */.exec(line)?.[0].length ?? 0}|${line.replace(/\s+/g, "")}`;
  const original = new Map<string, string>();
  for (const line of before.split("\n")) if (!original.has(key(line))) original.set(key(line), line);
  return after
    .split("\n")
    .map((line) => original.get(key(line)) ?? line)
    .join("\n");
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

/** Whole-document edit: parse, change, re-serialise. */
export function editDoc(text: string, change: (doc: Document.Parsed) => void): string {
  const doc = parsePolicyDoc(text);
  if (!doc) return text;
  change(doc);
  return keepLayout(text, doc.toString(OPTIONS));
}

/**
 * Sets one scalar (creating the key if needed). Replaces the old scalar's characters when it can, else re-serialises.
 * @example setScalar("a: 1\n", ["a"], "2", "scalar") === "a: 2\n"
 */
export function setScalar(text: string, path: YamlPath, raw: string, mode: ScalarMode): string {
  const doc = parsePolicyDoc(text);
  if (!doc) return text;
  const value = readTypedValue(raw, mode);
  const node = doc.getIn(path, true);
  const plain =
    isScalar(node) &&
    (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
  if (plain && node.range && value !== null) {
    for (const src of inlineSources(value, raw)) {
      const next = text.slice(0, node.range[0]) + src + text.slice(node.range[1]);
      const check = parsePolicyDoc(next);
      if (check && sameValue(check.getIn(path), value)) return next;
    }
  }
  return editDoc(text, (d) => {
    if (value === null && mode === "scalar") d.deleteIn(path);
    else if (typeof value === "string" && value.includes("\n")) {
      const s = new Scalar(value);
      s.type = Scalar.BLOCK_LITERAL;
      d.setIn(path, s);
    } else d.setIn(path, value);
  });
}

/** Renames a key of a mapping, keeping its place and value. @example renameKey("p:\n  a: 1\n", ["p"], "a", "b") */
export function renameKey(text: string, mapPath: YamlPath, from: string, to: string): string {
  if (!to.trim() || from === to) return text;
  return editDoc(text, (doc) => {
    const map = doc.getIn(mapPath, true);
    if (!isMap(map)) return;
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === from);
    if (pair) pair.key = doc.createNode(to.trim());
  });
}

/** Adds a key with a value to a mapping (creating the mapping). @example addEntry(text, ["params"], "新参数", { value: 0 }) */
export function addEntry(text: string, mapPath: YamlPath, key: string, value: unknown): string {
  return editDoc(text, (doc) => {
    const map = doc.getIn(mapPath, true);
    if (!isMap(map)) doc.setIn(mapPath, new YAMLMap());
    doc.setIn([...mapPath, key], doc.createNode(value));
  });
}

/** Appends an element to a sequence (creating it). @example appendItem(text, ["items"], { name: "新项目", kind: "earning", formula: "0" }) */
export function appendItem(text: string, seqPath: YamlPath, value: unknown): string {
  return editDoc(text, (doc) => {
    const seq = doc.getIn(seqPath, true);
    if (isSeq(seq)) seq.items.push(doc.createNode(value) as Node);
    else doc.setIn(seqPath, doc.createNode([value]));
  });
}

/** Removes a key or an element. @example removeAt(text, ["params", "培训日薪"]) */
export function removeAt(text: string, path: YamlPath): string {
  return editDoc(text, (doc) => {
    doc.deleteIn(path);
  });
}

/** The keys of a mapping at a path, in order. @example mapKeys(doc, ["params"]) */
export function mapKeys(doc: Document.Parsed, path: YamlPath): string[] {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return [];
  return map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
}

/** The keys of a mapping as written (numbers stay numbers, so paths built from them find the entry). @example rawMapKeys(doc, ["tables", "t", "rows"]) */
export function rawMapKeys(doc: Document.Parsed, path: YamlPath): (string | number)[] {
  const map = doc.getIn(path, true);
  if (!isMap(map)) return [];
  return map.items.map((p) => {
    const k = isScalar(p.key) ? p.key.value : p.key;
    return typeof k === "number" ? k : String(k);
  });
}

/** Whether the node at a path is a sequence. @example isSeqAt(doc, ["tables", "t", "rows"]) */
export function isSeqAt(doc: Document.Parsed, path: YamlPath): boolean {
  return isSeq(doc.getIn(path, true));
}

/** The number of elements of a sequence at a path. @example seqLength(doc, ["items"]) */
export function seqLength(doc: Document.Parsed, path: YamlPath): number {
  const seq = doc.getIn(path, true);
  return isSeq(seq) ? seq.items.length : 0;
}

/** The text of the scalar at a path ("" when missing or not a scalar). @example textAt(doc, ["items", 0, "name"]) */
export function textAt(doc: Document.Parsed, path: YamlPath): string {
  return scalarText(doc.getIn(path, true));
}

/** Whether the node at a path is a mapping. @example isMapAt(doc, ["params", "培训日薪"]) */
export function isMapAt(doc: Document.Parsed, path: YamlPath): boolean {
  return isMap(doc.getIn(path, true));
}
