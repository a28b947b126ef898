/**
 * A lead saves the scorecard values of their team for a period (HR may too). Every row is checked — a member of
 * the team, a column the sheet has, a value the policy's input accepts — and any problem refuses the whole save
 * with one line per bad row and column. The values are stored as the period's dataset of kind "scores" for this
 * team (merged over the team's previous save, which it replaces in one transaction; a blank value clears it),
 * so the next run uses them. A period whose run is approved takes no scores. Audit-logged as `scores.save`.
 * @example await saveTeamScores(ctx, { teamId, period: "2026-10", rows: [{ employeeNo: "A0000002", values: { 主管评分: "18" } }] })
 */

import { createHash, randomUUID } from "node:crypto";
import { CellError, periodContext } from "@xinsuan/core";
import { createStore } from "@xinsuan/store";
import { AppError, type Msg } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { frozenRun } from "./claim-adjust-kit.js";
import { loadTeamSheet, showTeamScores, type TeamScores, teamScoresFile } from "./show-team-scores.js";

/** The values sent, by 工号. @example const r: ScoreRow = { employeeNo: "A0000002", values: { 主管评分: "18" } } */
export type ScoreRow = { employeeNo: string; values: Record<string, string> };

/**
 * Validates and stores the rows; returns the team's sheet as it now stands.
 * @example const { rows } = await saveTeamScores(ctx, { teamId, period: "2026-10", rows })
 */
export async function saveTeamScores(
  ctx: ServiceContext,
  o: { teamId: string; period: string; rows: readonly ScoreRow[] },
): Promise<TeamScores> {
  const sheet = await loadTeamSheet(ctx, o.teamId, o.period);
  const { store, tenantId, actor } = ctx;
  const { period, team } = sheet;
  const frozen = await frozenRun(ctx, period);
  if (frozen)
    throw new AppError(
      "RUN_IMMUTABLE",
      `${period} 的算薪已审批（状态 ${frozen.status}），不能再修改评分`,
      `the ${period} run is ${frozen.status}; scores can no longer be changed`,
    );
  const members = new Map(sheet.members.map((m) => [m.employeeNo, m]));
  const columns = new Set(sheet.columns);
  const context = periodContext(period)!;
  const problems: Msg[] = [];
  const bad = (row: number, col: string, zh: string, en: string) =>
    problems.push({ zh: `第${row}行 “${col}”：${zh}`, en: `row ${row}, "${col}": ${en}` });
  const sent = new Map<string, Record<string, string>>();
  for (const [i, r] of o.rows.entries()) {
    const row = i + 1;
    const no = r.employeeNo.trim();
    const member = members.get(no);
    if (!member) {
      bad(
        row,
        "工号",
        `“${no}”不是${team.name}在 ${period} 的成员`,
        `${no} is not a member of ${team.name} in ${period}`,
      );
      continue;
    }
    if (sent.has(no)) {
      bad(row, "工号", `工号“${no}”重复`, `${no} appears twice`);
      continue;
    }
    const self = ctx.principal?.employeeId === member.id;
    const policy = sheet.policyOf.get(no)!;
    const values: Record<string, string> = {};
    for (const [col, raw] of Object.entries(r.values)) {
      const text = String(raw ?? "").trim();
      const node = policy.compiled.byName.get(col);
      if (!columns.has(col) || !node || node.kind !== "input") {
        bad(
          row,
          col,
          `不是可录入的评分列（可录入：${sheet.columns.join("、")}）`,
          `not a score column (columns: ${sheet.columns.join(", ")})`,
        );
        continue;
      }
      if (self) {
        bad(
          row,
          col,
          "不能给自己评分（请由薪酬专员或上级录入）",
          "you cannot score yourself (HR or your superior does)",
        );
        continue;
      }
      if (text !== "")
        try {
          // parsed by the engine's own input rule (type, range), as an import would
          node.evaluate(undefined as never, {
            values: { [col]: text },
            prior: () => undefined,
            period: context,
          });
        } catch (e) {
          if (!(e instanceof CellError)) throw e;
          bad(row, col, e.zh.replace(/^“[^”]*”列[：]?/, ""), e.en.replace(/^column "[^"]*":? ?/, ""));
          continue;
        }
      values[col] = text;
    }
    sent.set(no, values);
  }
  if (problems.length > 0)
    throw new AppError(
      "INPUT_INVALID",
      `评分有 ${problems.length} 处问题，未保存`,
      `the scores have ${problems.length} problem(s); nothing was saved`,
      problems,
    );
  const file = teamScoresFile(team);
  const old = (await storeCall(() => store.datasets.listDatasets(tenantId, period))).filter(
    (x) => x.kind === "scores" && x.fileName.endsWith(`-${team.id}.json`),
  );
  const merged = new Map<string, Record<string, string>>();
  for (const x of old)
    for (const r of await storeCall(() => store.datasets.listRows(tenantId, x.id)))
      if (members.has(r.employeeNo)) merged.set(r.employeeNo, { ...merged.get(r.employeeNo), ...r.values });
  for (const [no, values] of sent) {
    const next = { ...merged.get(no), ...values };
    for (const [k, v] of Object.entries(next)) if (v === "") delete next[k];
    merged.set(no, next);
  }
  const rows = [...merged.entries()]
    .filter(([, v]) => Object.keys(v).length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([employeeNo, values], i) => ({ rowNumber: i + 1, employeeNo, values }));
  const checksum = createHash("sha256")
    .update(JSON.stringify([team.id, period, rows, Date.now()]))
    .digest("hex");
  await storeCall(() =>
    store.db.transaction().execute(async (trx) => {
      const tx = createStore(trx, store.cipher);
      const p = await tx.datasets.ensurePeriod(tenantId, period);
      const oldIds = old.map((x) => x.id);
      if (oldIds.length > 0) {
        await trx
          .deleteFrom("dataset_rows")
          .where("tenant_id", "=", tenantId)
          .where("dataset_id", "in", oldIds)
          .execute();
        await trx
          .deleteFrom("datasets")
          .where("tenant_id", "=", tenantId)
          .where("id", "in", oldIds)
          .execute();
      }
      const id = randomUUID();
      await trx
        .insertInto("datasets")
        .values({
          id,
          tenant_id: tenantId,
          period_id: p.id,
          kind: "scores",
          file_name: file,
          checksum,
          row_count: rows.length,
          imported_at: new Date().toISOString(),
        })
        .execute();
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("dataset_rows")
          .values(
            rows.slice(i, i + 500).map((r) => ({
              tenant_id: tenantId,
              dataset_id: id,
              row_number: r.rowNumber,
              employee_no: r.employeeNo,
              values_json: JSON.stringify(r.values),
            })),
          )
          .execute();
      await tx.audit.append(tenantId, {
        actor,
        action: "scores.save",
        entity: "dataset",
        entityId: id,
        before: old.map((x) => ({ id: x.id, rows: x.rowCount })),
        after: { period, team: team.name, rows: rows.length, changed: [...sent.keys()] },
      });
    }),
  );
  return showTeamScores(ctx, { teamId: team.id, period });
}
