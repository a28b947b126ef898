/**
 * Bilingual (Chinese/English) error messages for reading user tables; every message names the file.
 * @example notFound("工资.csv").zh === "找不到文件：工资.csv"
 */
import type { TableError } from "./table-types.js";

/**
 * Spreadsheet column letter for a 1-based column number.
 * @example columnLetter(28) === "AB"
 */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function err(file: string, zh: string, en: string, row?: number, column?: string): TableError {
  const e: TableError = { file, zh, en };
  if (row !== undefined) e.row = row;
  if (column !== undefined) e.column = column;
  return e;
}

/** @example notFound("a.csv").en === "File not found: a.csv" */
export function notFound(file: string): TableError {
  return err(file, `找不到文件：${file}`, `File not found: ${file}`);
}

/** @example notAFile("dir.csv").zh === "不是文件（可能是文件夹）：dir.csv" */
export function notAFile(file: string): TableError {
  return err(file, `不是文件（可能是文件夹）：${file}`, `Not a file (maybe a folder): ${file}`);
}

/** @example readFailed("a.csv", "EACCES: permission denied") */
export function readFailed(file: string, detail: string): TableError {
  return err(file, `无法读取文件 ${file}：${detail}`, `Cannot read file ${file}: ${detail}`);
}

/** @example unsupportedExtension("a.xls", ".xls") */
export function unsupportedExtension(file: string, ext: string): TableError {
  const zhExt = ext === "" ? "（无扩展名）" : `“${ext}”`;
  const enExt = ext === "" ? "(no extension)" : `"${ext}"`;
  return err(
    file,
    `不支持的文件类型${zhExt}：${file}。请使用 .csv、.xlsx 或 .json 文件（.xls 文件请在 Excel 中另存为 .xlsx）`,
    `Unsupported file type ${enExt}: ${file}. Use a .csv, .xlsx or .json file (save .xls files as .xlsx in Excel)`,
  );
}

/** @example fileTooLarge("a.csv", 60 * 2 ** 20, 50 * 2 ** 20).zh.startsWith("文件太大") */
export function fileTooLarge(file: string, size: number, limit: number): TableError {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} B`);
  return err(
    file,
    `文件太大：${file} 有 ${mb(size)}，超过上限 ${mb(limit)}；请拆分成几个文件分别导入`,
    `File too large: ${file} is ${mb(size)}, over the ${mb(limit)} limit; split it into several files`,
  );
}

/** @example emptyFile("a.csv").zh === "文件是空的：a.csv" */
export function emptyFile(file: string): TableError {
  return err(file, `文件是空的：${file}`, `File is empty: ${file}`);
}

/** @example headerRowEmpty("a.csv") */
export function headerRowEmpty(file: string): TableError {
  return err(
    file,
    `${file} 第1行（表头）是空的；第1行应填写列名`,
    `${file} row 1 (the header) is empty; row 1 must hold the column names`,
    1,
  );
}

/** @example emptyColumnName("a.csv", "C") */
export function emptyColumnName(file: string, letter: string): TableError {
  return err(
    file,
    `${file} 第1行（表头）${letter}列没有列名`,
    `${file} row 1 (the header): column ${letter} has no name`,
    1,
    letter,
  );
}

/** @example duplicateColumnName("a.csv", "姓名", ["B", "D"]) */
export function duplicateColumnName(file: string, name: string, letters: string[]): TableError {
  return err(
    file,
    `${file} 第1行（表头）列名“${name}”重复出现在 ${letters.join("、")} 列`,
    `${file} row 1 (the header): column name "${name}" appears more than once (columns ${letters.join(", ")})`,
    1,
    name,
  );
}

/** @example noDataRows("a.csv") */
export function noDataRows(file: string): TableError {
  return err(file, `${file} 只有表头，没有数据行`, `${file} has a header but no data rows`);
}

/** @example extraCells("a.csv", 5, "D", 3) */
export function extraCells(file: string, row: number, letter: string, headerCount: number): TableError {
  return err(
    file,
    `${file} 第${row}行的单元格比表头多：${letter}列有内容，但表头只有 ${headerCount} 列`,
    `${file} row ${row} has more cells than the header: column ${letter} has content, but the header has only ${headerCount} columns`,
    row,
    letter,
  );
}

/** @example csvSyntax("a.csv", 3, "CSV_QUOTE_NOT_CLOSED", "Quote Not Closed") */
export function csvSyntax(file: string, row: number, code: string, detail: string): TableError {
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    return err(
      file,
      `${file} 第${row}行：CSV 引号没有闭合（从这一行开始的引号直到文件末尾都没有结束）`,
      `${file} row ${row}: CSV quote not closed (a quote opened in this row never ends)`,
      row,
    );
  }
  return err(
    file,
    `${file} 第${row}行：CSV 格式错误（${detail}）`,
    `${file} row ${row}: CSV format error (${detail})`,
    row,
  );
}

/** @example xlsxUnreadable("a.xlsx", "End of data reached") */
export function xlsxUnreadable(file: string, detail: string): TableError {
  return err(
    file,
    `无法读取 Excel 文件 ${file}（文件可能已损坏，或不是真正的 .xlsx 文件）：${detail}`,
    `Cannot read Excel file ${file} (it may be damaged or not a real .xlsx file): ${detail}`,
  );
}

function cellWhere(file: string, ref: string, name: string | undefined): { zh: string; en: string } {
  return name
    ? { zh: `${file} 单元格 ${ref}（“${name}”列）`, en: `${file} cell ${ref} (column "${name}")` }
    : { zh: `${file} 单元格 ${ref}`, en: `${file} cell ${ref}` };
}

/** @example formulaWithoutResult("a.xlsx", 3, "B", "姓名", "A3&\"x\"") */
export function formulaWithoutResult(
  file: string,
  row: number,
  letter: string,
  name: string | undefined,
  formula: string,
): TableError {
  const w = cellWhere(file, `${letter}${row}`, name);
  return err(
    file,
    `${w.zh}是公式（=${formula}）但没有计算结果；请用 Excel 或 WPS 打开并保存该文件后再试`,
    `${w.en} holds a formula (=${formula}) with no calculated result; open and save the file in Excel or WPS, then try again`,
    row,
    name ?? letter,
  );
}

/** @example cellErrorValue("a.xlsx", 4, "C", "工资", "#N/A") */
export function cellErrorValue(
  file: string,
  row: number,
  letter: string,
  name: string | undefined,
  value: string,
): TableError {
  const w = cellWhere(file, `${letter}${row}`, name);
  return err(
    file,
    `${w.zh}的值是 Excel 错误 ${value}，请先在 Excel 中修正`,
    `${w.en} holds the Excel error ${value}; fix it in Excel first`,
    row,
    name ?? letter,
  );
}

/** @example invalidJson("a.json", "Unexpected end of JSON input") */
export function invalidJson(file: string, detail: string): TableError {
  return err(file, `${file} 不是有效的 JSON：${detail}`, `${file} is not valid JSON: ${detail}`);
}

/** @example jsonNotArray("a.json") */
export function jsonNotArray(file: string): TableError {
  return err(
    file,
    `${file} 的内容应是一个数组 [ {...}, {...} ]，每个对象是一行`,
    `${file} must contain an array of objects [ {...}, {...} ], one object per row`,
  );
}

/** @example jsonElementNotObject("a.json", 2, "number") */
export function jsonElementNotObject(file: string, index: number, kind: string): TableError {
  return err(
    file,
    `${file} 第${index + 1}个元素（索引 ${index}）应是对象 {...}，实际是 ${kind}`,
    `${file} element ${index + 1} (index ${index}) must be an object {...}, but is ${kind}`,
    index + 1,
  );
}

/** @example jsonNestedValue("a.json", 0, "地址", "object") */
export function jsonNestedValue(file: string, index: number, key: string, kind: string): TableError {
  return err(
    file,
    `${file} 第${index + 1}个元素（索引 ${index}）的“${key}”是嵌套的 ${kind}；只支持文本、数字、布尔值或 null`,
    `${file} element ${index + 1} (index ${index}): "${key}" is a nested ${kind}; only strings, numbers, booleans and null are allowed`,
    index + 1,
    key,
  );
}

/** @example jsonEmptyKey("a.json", 0) */
export function jsonEmptyKey(file: string, index: number): TableError {
  return err(
    file,
    `${file} 第${index + 1}个元素（索引 ${index}）有一个空的键名`,
    `${file} element ${index + 1} (index ${index}) has an empty key`,
    index + 1,
  );
}

/** @example jsonDuplicateKey("a.json", 0, "姓名") */
export function jsonDuplicateKey(file: string, index: number, key: string): TableError {
  return err(
    file,
    `${file} 第${index + 1}个元素（索引 ${index}）的键名“${key}”去掉首尾空格后重复`,
    `${file} element ${index + 1} (index ${index}): key "${key}" appears more than once (ignoring surrounding spaces)`,
    index + 1,
    key,
  );
}
