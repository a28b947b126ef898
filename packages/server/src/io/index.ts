/**
 * `@xinsuan/server/io`: table I/O, the application error table and the demo data generator — everything the
 * CLI's file commands need, without loading the database drivers (`@xinsuan/server` adds the services).
 * @example import { readTable, AppError } from "@xinsuan/server/io"
 */

export * from "../app-error.js";
export * from "../demo/demo-policy.js";
export * from "../demo/generate-company.js";
export * from "../services/build-input-template.js";
export { writeFileAtomic } from "./atomic-write.js";
export { formatTerminalTable } from "./format-terminal-table.js";
export {
  MAX_TABLE_BYTES,
  type ReadTableOptions,
  readTable,
  readTableBytes,
  type Table,
  type TableError,
  type TableReadResult,
  type TableRow,
} from "./read-table.js";
export {
  escapeFormula,
  moneyNumber,
  TableWriteError,
  type WriteTableInput,
  writeTable,
} from "./write-table.js";
