/**
 * Everything a run computes from, gathered once and hashed: the policy version(s) in force in the period (a
 * mid-month change gives segments, run-segments.ts), the employees' inputs (run-load.ts) with the approved claims
 * (run-claims.ts) and the adjustments paid in the period (run-adjustments.ts), grouped by the policy that pays
 * each employee, and the prior state; hashed by run-hash.ts. The same gathering serves a new run, the verification
 * of an approved one, the grade review and the exports, so they all see the same numbers; `computeRuns` turns it
 * into the engine's runs (one per policy).
 * @example const g = await gatherRunInputs(ctx, "2026-10"); const runs = computeRuns(g)
 */

import { createHash } from "node:crypto";
import {
  type CompiledPolicy,
  checkPolicyText,
  type EmployeeError,
  type EmployeeInput,
  formatProblem,
  type PayrollRun,
  type PriorState,
  runPayroll,
} from "@xinsuan/core";
import type { Adjustment, Claim, PolicyVersion } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { compileVersion } from "./policy-for-period.js";
import { adjustmentPolicy, applyAdjustments, unpaidAdjustments } from "./run-adjustments.js";
import { applyClaims } from "./run-claims.js";
import { hashRunInputs } from "./run-hash.js";
import { lastDay, loadInputs, policyOfPeople } from "./run-load.js";
import { applySegments, periodSegments, type Segment, segmentedPolicyText } from "./run-segments.js";

/**
 * The employees one policy pays in the period, with that policy's version(s) and the claims and adjustments that
 * are theirs. @example const g: RunGroup = (await gatherRunInputs(ctx, "2026-10")).groups[0]
 */
export type RunGroup = {
  policyId: string;
  policyName: string;
  /** The version in force at the end of the period. */
  version: PolicyVersion;
  /** More than one when the policy changed inside the period. */
  segments: Segment[];
  compiled: CompiledPolicy;
  employees: EmployeeInput[];
  claims: Claim[];
  adjustments: Adjustment[];
  /** Employees a segment of a split month left in error, by index. */
  segmentErrors: Map<number, EmployeeError>;
};

/** A run's gathered inputs: one group per policy (the company's first policy first). @example const g: RunInputs = await gatherRunInputs(ctx, "2026-10") */
export type RunInputs = {
  period: string;
  groups: RunGroup[];
  /** The first group's version: the one the run record names. */
  version: PolicyVersion;
  prior: PriorState;
  claims: Claim[];
  adjustments: Adjustment[];
  inputsHash: string;
};

const compiledByText = new Map<string, CompiledPolicy>();

/** A generated policy text compiled (cached); a failure here is a bug in the generator, said plainly. */
function compileGenerated(text: string, label: string): CompiledPolicy {
  const key = createHash("sha256").update(text).digest("hex");
  let compiled = compiledByText.get(key);
  if (!compiled) {
    const check = checkPolicyText(text, label);
    if (!check.compiled)
      throw new AppError(
        "POLICY_INVALID",
        `${label} 无法编译（分段或调整项与方案中的名称冲突？）`,
        `${label} does not compile (do segment or adjustment names clash with the policy's?)`,
        check.problems
          .filter((p) => p.severity === "error")
          .map((p) => ({ zh: formatProblem(p, "zh"), en: formatProblem(p, "en") })),
      );
    compiled = check.compiled;
    compiledByText.set(key, compiled);
  }
  return compiled;
}

async function segmentsOf(
  ctx: ServiceContext,
  policy: { id: string; name: string },
  period: string,
  fixed?: PolicyVersion,
): Promise<Segment[]> {
  const start = `${period}-01`;
  const end = lastDay(period);
  const versions = await ctx.store.policies.listVersions(ctx.tenantId, policy.id);
  const segments = periodSegments(versions, start, end);
  if (segments.length > 1) return segments;
  if (fixed && fixed.policyId === policy.id) return [{ version: fixed, from: start, to: end }];
  if (segments.length === 0 || segments[0]!.from !== start)
    throw new AppError(
      "NOT_FOUND",
      `方案“${policy.name}”在 ${period} 没有生效的版本（${start} 起须有版本）：请先添加方案版本`,
      `policy "${policy.name}" has no version in force from ${start}; add one first`,
    );
  return segments;
}

/** One group's policy text and employees, ready to compute: segments split, claims and adjustments applied. */
function prepareGroup(
  period: string,
  policy: { id: string; name: string },
  segments: Segment[],
  employees: EmployeeInput[],
  prior: PriorState,
  claims: Claim[],
  adjustments: Adjustment[],
): RunGroup {
  const end = lastDay(period);
  const last = segments[segments.length - 1]!;
  let text = last.version.yaml;
  let segmentErrors = new Map<number, EmployeeError>();
  if (segments.length > 1) {
    const compiledSegments = segments.map((s) => compileVersion(s.version));
    applyClaims(compiledSegments[compiledSegments.length - 1]!, employees, claims);
    const runs = segments.map((_s, k) => {
      const r = runPayroll(compiledSegments[k]!, { period, employees, prior });
      if (!r.ok) throw new AppError("CALC_FAILED", r.problem.zh, r.problem.en);
      return r.run;
    });
    segmentErrors = applySegments(segments, runs, employees, `${period}-01`, end);
    text = segmentedPolicyText(segments);
  } else {
    applyClaims(compileVersion(last.version), employees, claims);
  }
  applyAdjustments(employees, adjustments);
  text = adjustmentPolicy(text, adjustments);
  const compiled =
    text === last.version.yaml
      ? compileVersion(last.version)
      : compileGenerated(text, `policy-v${last.version.version}-${period}.yaml`);
  return {
    policyId: policy.id,
    policyName: policy.name,
    version: last.version,
    segments,
    compiled,
    employees,
    claims,
    adjustments,
    segmentErrors,
  };
}

/**
 * Gathers and hashes a period's inputs. `version` fixes the policy version of an unsplit month (verifying an
 * approved run); otherwise the versions in force during the period are used.
 * @example const { inputsHash } = await gatherRunInputs(ctx, "2026-08")
 */
export async function gatherRunInputs(
  ctx: ServiceContext,
  period: string,
  version?: PolicyVersion,
): Promise<RunInputs> {
  const { store, tenantId } = ctx;
  const end = lastDay(period);
  const { employees, datasets, people } = await storeCall(() => loadInputs(ctx, period, end));
  const policyIds = await storeCall(() => policyOfPeople(ctx, people, end));
  const policies = await storeCall(() =>
    store.db
      .selectFrom("policies")
      .select(["id", "name"])
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  );
  if (policies.length === 0)
    throw new AppError(
      "NOT_FOUND",
      `${period} 没有生效的薪酬方案：请先添加方案（xinsuan policy add）`,
      `no policy is in force in ${period}; add one first (xinsuan policy add)`,
    );
  const prior = await storeCall(() => store.ledger.readPriorState(tenantId, period));
  const claims = await storeCall(() => store.claims.listApproved(tenantId, period));
  const adjustments = await storeCall(() => store.adjustments.listToPay(tenantId, period));
  const unpaid = unpaidAdjustments(employees, adjustments);
  if (unpaid.length > 0) {
    throw new AppError(
      "RUN_NOT_READY",
      `${unpaid.length} 笔调整的员工在 ${period} 不在职，本期工资无法发放：请改到其在职的期间发放，或取消后线下处理`,
      `${unpaid.length} adjustment(s) are for employees not employed in ${period}; move them to a period they are employed in, or cancel them`,
      unpaid.map((a) => ({
        zh: `${a.employeeNo} ${a.employeeName}：${a.forPeriod} ${a.kind} ${a.amount}（${a.reason}）`,
        en: `${a.employeeNo}: ${a.forPeriod} ${a.kind} ${a.amount}`,
      })),
    );
  }
  const groups: RunGroup[] = [];
  for (const policy of policies) {
    const mine = employees.filter((_e, i) => policyIds[i] === policy.id);
    // A policy that pays nobody this month is left out; the company's first always counts (it names the run).
    if (mine.length === 0 && policy !== policies[0]) continue;
    const nos = new Set(mine.map((e) => String(e.values.工号 ?? "")));
    const segments = await storeCall(() => segmentsOf(ctx, policy, period, version));
    groups.push(
      prepareGroup(
        period,
        policy,
        segments,
        mine,
        prior,
        claims.filter((c) => nos.has(c.employeeNo)),
        adjustments.filter((a) => nos.has(a.employeeNo)),
      ),
    );
  }

  const inputsHash = hashRunInputs({ period, groups, datasets, employees, claims, adjustments, prior });
  return { period, groups, version: groups[0]!.version, prior, claims, adjustments, inputsHash };
}

/**
 * Computes each group with the engine (one run per policy, in group order); an employee a segment left in error is
 * in error.
 * @example const runs = computeRuns(await gatherRunInputs(ctx, "2026-10"))
 */
export function computeRuns(g: RunInputs): PayrollRun[] {
  return g.groups.map((group) => {
    const result = runPayroll(group.compiled, {
      period: g.period,
      employees: group.employees,
      prior: g.prior,
    });
    if (!result.ok) throw new AppError("CALC_FAILED", result.problem.zh, result.problem.en);
    const run = result.run;
    for (const [i, err] of group.segmentErrors) {
      if (!run.errors[i]) {
        run.errors[i] = err;
        run.errorCount++;
      }
    }
    return run;
  });
}

/**
 * The engine's run of the employee with 工号 `no`, and their index in it.
 * @example const { run, index } = findEmployeeRun(runs, "E001")!
 */
export function findEmployeeRun(
  runs: readonly PayrollRun[],
  no: string,
): { run: PayrollRun; index: number } | undefined {
  for (const run of runs) {
    const index = run.employees.findIndex((e) => String(e.values.工号 ?? "") === no);
    if (index >= 0) return { run, index };
  }
  return undefined;
}
