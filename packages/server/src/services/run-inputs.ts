/**
 * Everything a run computes from, gathered once and hashed: the policy version(s) in force in the period (a
 * mid-month change gives segments, run-segments.ts), the employees' inputs (run-load.ts) with the approved claims
 * (run-claims.ts) and the adjustments paid in the period (run-adjustments.ts), and the prior state. The same
 * gathering serves a new run, the verification of an approved one, the grade review and the exports, so they all
 * see the same numbers; `computeRun` turns it into the engine's run.
 * @example const g = await gatherRunInputs(ctx, "2026-10"); const run = computeRun(g)
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
import { companyPolicy } from "./company-policy.js";
import { compileVersion } from "./policy-for-period.js";
import { adjustmentPolicy, applyAdjustments, unpaidAdjustments } from "./run-adjustments.js";
import { applyClaims } from "./run-claims.js";
import { lastDay, loadInputs } from "./run-load.js";
import { applySegments, periodSegments, type Segment, segmentedPolicyText } from "./run-segments.js";

/** A run's gathered inputs. @example const g: RunInputs = await gatherRunInputs(ctx, "2026-10") */
export type RunInputs = {
  period: string;
  /** The version in force at the end of the period (the run records it). */
  version: PolicyVersion;
  /** More than one when the policy changed inside the period. */
  segments: Segment[];
  compiled: CompiledPolicy;
  employees: EmployeeInput[];
  prior: PriorState;
  claims: Claim[];
  adjustments: Adjustment[];
  /** Employees a segment of a split month left in error, by index. */
  segmentErrors: Map<number, EmployeeError>;
  inputsHash: string;
};

const byNo = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compiledByText = new Map<string, CompiledPolicy>();

/**
 * JSON with every object's keys sorted (recursively), so equal values always serialise to the same text.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) === '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort(byNo)
        .map((k) => [k, o[k]]),
    );
  });
}

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

async function segmentsOf(ctx: ServiceContext, period: string, fixed?: PolicyVersion): Promise<Segment[]> {
  const start = `${period}-01`;
  const end = lastDay(period);
  const policy = await companyPolicy(ctx);
  const versions = policy ? await ctx.store.policies.listVersions(ctx.tenantId, policy.id) : [];
  const segments = periodSegments(versions, start, end);
  if (segments.length > 1) return segments;
  if (fixed) return [{ version: fixed, from: start, to: end }];
  if (segments.length === 0 || segments[0]!.from !== start)
    throw new AppError(
      "NOT_FOUND",
      `${period} 没有生效的薪酬方案（${start} 起须有方案版本）：请先添加方案版本`,
      `no policy version is in force from ${start}; add one first`,
    );
  return segments;
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
  const segments = await storeCall(() => segmentsOf(ctx, period, version));
  const { employees, datasets } = await storeCall(() => loadInputs(ctx, period, end));
  const prior = await storeCall(() => store.ledger.readPriorState(tenantId, period));
  const claims = await storeCall(() => store.claims.listApproved(tenantId, period));
  const adjustments = await storeCall(() => store.adjustments.listToPay(tenantId, period));
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
  applyAdjustments(employees, adjustments);
  text = adjustmentPolicy(text, adjustments);
  const compiled =
    text === last.version.yaml
      ? compileVersion(last.version)
      : compileGenerated(text, `policy-v${last.version.version}-${period}.yaml`);

  const canonical = canonicalJson({
    period,
    policy: segments.map((s) => ({
      id: s.version.id,
      version: s.version.version,
      checksum: s.version.checksum,
      from: s.from,
      to: s.to,
    })),
    employees: employees.map((e) => e.values),
    datasets: [...datasets].sort((a, b) =>
      byNo(`${a.kind}\u0000${a.checksum}`, `${b.kind}\u0000${b.checksum}`),
    ),
    claims: claims.map((c) => [c.id, c.employeeNo, c.inputName, c.quantity]),
    adjustments: adjustments.map((a) => [a.id, a.employeeNo, a.kind, a.amount, a.taxable]),
    prior,
  });
  const inputsHash = createHash("sha256").update(canonical, "utf8").digest("hex");
  return {
    period,
    version: last.version,
    segments,
    compiled,
    employees,
    prior,
    claims,
    adjustments,
    segmentErrors,
    inputsHash,
  };
}

/**
 * Computes gathered inputs with the engine; an employee a segment left in error is in error.
 * @example const run = computeRun(await gatherRunInputs(ctx, "2026-10"))
 */
export function computeRun(g: RunInputs): PayrollRun {
  const result = runPayroll(g.compiled, { period: g.period, employees: g.employees, prior: g.prior });
  if (!result.ok) throw new AppError("CALC_FAILED", result.problem.zh, result.problem.en);
  const run = result.run;
  for (const [i, err] of g.segmentErrors) {
    if (!run.errors[i]) {
      run.errors[i] = err;
      run.errorCount++;
    }
  }
  return run;
}
