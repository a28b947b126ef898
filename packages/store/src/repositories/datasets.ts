/**
 * Pay periods (YYYY-MM) and the datasets imported into them. A dataset and all its rows are written in ONE
 * transaction: a failing row leaves nothing behind.
 * @example await datasets.insertDataset(tenantId, { period: "2025-03", kind: "attendance", fileName, checksum, rows })
 */

import type { Kysely, Selectable, Transaction } from "kysely";
import { guard, StoreError } from "../errors.js";
import type { Database, DatasetKind, DatasetsTable } from "../schema.js";
import { chunks, newId, nowIso } from "../util.js";

/** A pay period. @example const p: Period = await datasets.ensurePeriod(tenantId, "2025-03") */
export type Period = { id: string; tenantId: string; period: string; state: string; createdAt: string };

/** An imported file's record. @example const d: Dataset | undefined = await datasets.findByChecksum(tenantId, "2025-03", sha) */
export type Dataset = {
  id: string;
  periodId: string;
  kind: DatasetKind;
  fileName: string;
  checksum: string;
  rowCount: number;
  importedAt: string;
};

/** One imported row: its 1-based row number in the file, the 工号 and the cell values as text. @example const r: DatasetRow = { rowNumber: 2, employeeNo: "E001", values: { 出勤天数: "21.75" } } */
export type DatasetRow = { rowNumber: number; employeeNo: string; values: Record<string, string> };

/** What an import writes. @example const d: NewDataset = { period: "2025-03", kind: "kpi", fileName: "kpi.csv", checksum, rows: [] } */
export type NewDataset = {
  period: string;
  kind: DatasetKind;
  fileName: string;
  checksum: string;
  rows: readonly DatasetRow[];
};

/** Period and dataset storage. @example const datasets: DatasetRepository = createDatasetRepository(db) */
export interface DatasetRepository {
  ensurePeriod(tenantId: string, period: string): Promise<Period>;
  findPeriod(tenantId: string, period: string): Promise<Period | undefined>;
  insertDataset(tenantId: string, d: NewDataset): Promise<Dataset>;
  findByChecksum(tenantId: string, period: string, checksum: string): Promise<Dataset | undefined>;
  listDatasets(tenantId: string, period: string): Promise<Dataset[]>;
  listRows(tenantId: string, datasetId: string): Promise<DatasetRow[]>;
}

const ROW_BATCH = 1000;

function toDataset(r: Selectable<DatasetsTable>): Dataset {
  return {
    id: r.id,
    periodId: r.period_id,
    kind: r.kind,
    fileName: r.file_name,
    checksum: r.checksum,
    rowCount: Number(r.row_count),
    importedAt: r.imported_at,
  };
}

function checkPeriod(period: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw new StoreError("INVALID", `薪资期间“${period}”应为 YYYY-MM`, `period "${period}" must be YYYY-MM`);
  }
}

/** Finds or creates the period inside a transaction or on the database. */
async function ensurePeriodOn(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  period: string,
): Promise<Period> {
  checkPeriod(period);
  const found = await db
    .selectFrom("periods")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("period", "=", period)
    .executeTakeFirst();
  const row = found ?? { id: newId(), tenant_id: tenantId, period, state: "open", created_at: nowIso() };
  if (!found) {
    await db
      .insertInto("periods")
      .values(row)
      .onConflict((oc) => oc.columns(["tenant_id", "period"]).doNothing())
      .execute();
    const again = await db
      .selectFrom("periods")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("period", "=", period)
      .executeTakeFirstOrThrow();
    return { id: again.id, tenantId, period, state: again.state, createdAt: again.created_at };
  }
  return { id: row.id, tenantId, period, state: row.state, createdAt: row.created_at };
}

/**
 * Periods and datasets over Kysely.
 * @example const d = await createDatasetRepository(db).findByChecksum(tenantId, "2025-03", sha)
 */
export function createDatasetRepository(db: Kysely<Database>): DatasetRepository {
  const repo: DatasetRepository = {
    ensurePeriod: (tenantId, period) =>
      guard(`创建薪资期间 ${period}`, `creating period ${period}`, () =>
        ensurePeriodOn(db, tenantId, period),
      ),

    async findPeriod(tenantId, period) {
      const r = await db
        .selectFrom("periods")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("period", "=", period)
        .executeTakeFirst();
      return r ? { id: r.id, tenantId, period, state: r.state, createdAt: r.created_at } : undefined;
    },

    insertDataset(tenantId, d) {
      return guard(`导入文件“${d.fileName}”`, `importing "${d.fileName}"`, () =>
        db.transaction().execute(async (tx) => {
          const period = await ensurePeriodOn(tx, tenantId, d.period);
          const row = {
            id: newId(),
            tenant_id: tenantId,
            period_id: period.id,
            kind: d.kind,
            file_name: d.fileName,
            checksum: d.checksum,
            row_count: d.rows.length,
            imported_at: nowIso(),
          };
          await tx.insertInto("datasets").values(row).execute();
          for (const batch of chunks(d.rows, ROW_BATCH)) {
            await tx
              .insertInto("dataset_rows")
              .values(
                batch.map((r) => ({
                  tenant_id: tenantId,
                  dataset_id: row.id,
                  row_number: r.rowNumber,
                  employee_no: r.employeeNo,
                  values_json: JSON.stringify(r.values),
                })),
              )
              .execute();
          }
          return toDataset(row);
        }),
      );
    },

    async findByChecksum(tenantId, period, checksum) {
      const r = await db
        .selectFrom("datasets")
        .innerJoin("periods", (j) =>
          j
            .onRef("periods.id", "=", "datasets.period_id")
            .onRef("periods.tenant_id", "=", "datasets.tenant_id"),
        )
        .selectAll("datasets")
        .where("datasets.tenant_id", "=", tenantId)
        .where("periods.period", "=", period)
        .where("datasets.checksum", "=", checksum)
        .executeTakeFirst();
      return r ? toDataset(r) : undefined;
    },

    async listDatasets(tenantId, period) {
      const rows = await db
        .selectFrom("datasets")
        .innerJoin("periods", (j) =>
          j
            .onRef("periods.id", "=", "datasets.period_id")
            .onRef("periods.tenant_id", "=", "datasets.tenant_id"),
        )
        .selectAll("datasets")
        .where("datasets.tenant_id", "=", tenantId)
        .where("periods.period", "=", period)
        .orderBy("datasets.imported_at")
        .execute();
      return rows.map(toDataset);
    },

    async listRows(tenantId, datasetId) {
      const rows = await db
        .selectFrom("dataset_rows")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("dataset_id", "=", datasetId)
        .orderBy("row_number")
        .execute();
      return rows.map((r) => ({
        rowNumber: Number(r.row_number),
        employeeNo: r.employee_no,
        values: JSON.parse(r.values_json) as Record<string, string>,
      }));
    },
  };
  return repo;
}
