/**
 * Collects the state a run carries into the next period. Starts from the prior state, so a team or employee
 * that is not computed this month (nobody in the team, or every member in error) keeps its value; a group-scoped
 * value must come out the same for every member of the group.
 * @example const c = new NextStateCollector(nodes, groups, prior); c.record(emp, row, slots); c.finish()
 */

import { GROUP_LEVELS } from "../formula/scope.js";
import { CellError, type Val } from "../formula/types.js";
import { formatValue, keyText } from "../formula/values.js";
import { Dec } from "../money/decimal.js";
import type { PolicyNode } from "../policy/types.js";
import type { Groups } from "./groups.js";
import type { EmployeeInput, PriorState } from "./run.js";

/** Copies the maps; employee records are shared and never mutated (record() builds new ones). */
function copyState(prior: PriorState): PriorState {
  const employees: Record<string, Record<string, string>> = Object.assign({}, prior.employees ?? {});
  const groups: Record<string, Record<string, Record<string, string>>> = {};
  for (const [level, byKey] of Object.entries(prior.groups ?? {})) {
    groups[level] = {};
    for (const [key, v] of Object.entries(byKey)) groups[level]![key] = { ...v };
  }
  return { employees, groups };
}

export class NextStateCollector {
  readonly state: PriorState;
  private readonly employeeNodes: PolicyNode[];
  private readonly groupNodes: PolicyNode[];
  private readonly firstValue: (Val | undefined)[][];

  constructor(
    nodes: PolicyNode[],
    private readonly groups: Groups,
    prior: PriorState,
  ) {
    this.state = copyState(prior);
    this.employeeNodes = nodes.filter((n) => (n.stateScope ?? -1) < 0);
    this.groupNodes = nodes.filter((n) => (n.stateScope ?? -1) >= 0);
    this.firstValue = this.groupNodes.map((n) => new Array(groups.keys[n.stateScope!]!.length));
  }

  /** Records one employee's next values; throws a CellError when a group value disagrees within its group. */
  record(emp: number, row: EmployeeInput, slots: (Val | undefined)[]): void {
    if (this.employeeNodes.length > 0) {
      const id = String(row.values.工号 ?? "").trim();
      // A fresh object with the policy's names first keeps one hidden class for every record (5× faster
      // than adding keys to a copy of the prior record); other prior keys are kept after them.
      const rec: Record<string, string> = {};
      for (const n of this.employeeNodes) rec[n.name] = keyText(slots[n.slot] ?? null);
      const old = this.state.employees![id];
      if (old) for (const k in old) if (!(k in rec)) rec[k] = old[k]!;
      this.state.employees![id] = rec;
    }
    for (let k = 0; k < this.groupNodes.length; k++) {
      const n = this.groupNodes[k]!;
      const g = this.groups.of[n.stateScope!]![emp]!;
      const v = slots[n.slot] ?? null;
      const first = this.firstValue[k]![g];
      if (first === undefined) this.firstValue[k]![g] = v;
      else if (!(first instanceof Dec && v instanceof Dec ? first.eq(v) : first === v)) {
        const level = GROUP_LEVELS[n.stateScope!]!;
        throw new CellError(
          "GROUP",
          undefined,
          `${level}状态“${n.name}”在组内算出不同的值（${formatValue(first, "number")} 与 ${formatValue(v, "number")}），应为全组统一的数`,
          `group state "${n.name}" differs within the group`,
        );
      }
    }
  }

  /** Writes the group values into the state and returns it. */
  finish(): PriorState {
    this.groupNodes.forEach((n, k) => {
      const level = GROUP_LEVELS[n.stateScope!]!;
      const byKey = this.state.groups![level] ?? {};
      this.state.groups![level] = byKey;
      this.firstValue[k]!.forEach((v, g) => {
        if (v === undefined) return;
        const key = this.groups.keys[n.stateScope!]![g]!;
        byKey[key] = { ...(byKey[key] ?? {}), [n.name]: keyText(v) };
      });
    });
    return this.state;
  }
}
