/**
 * Dependency order and evaluation stages. Nodes are per-employee values; `agg:N` are group aggregates. A node
 * that reads an aggregate runs one pass after the pass that feeds the aggregate, so per-employee → group →
 * per-employee chains resolve by themselves.
 * @example orderNodes(deps) // { order: ["input:阶", "item:岗位工资"], cycle: null }
 */

export type GraphResult = {
  /** All ids in dependency order (dependencies first). */
  order: string[];
  /** A cycle as a closed path of ids (first = last), or null. */
  cycle: string[] | null;
  /** Stage of each id. */
  stage: Map<string, number>;
};

/**
 * Orders ids so each comes after its dependencies; finds a cycle with its whole path.
 * @example orderNodes(new Map([["a", ["b"]], ["b", []]])).order // ["b", "a"]
 */
export function orderNodes(deps: Map<string, readonly string[]>): GraphResult {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  let cycle: string[] | null = null;

  const visit = (id: string): void => {
    if (cycle) return;
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      cycle = [...stack.slice(stack.indexOf(id)), id];
      return;
    }
    state.set(id, 1);
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (deps.has(d)) visit(d);
      if (cycle) return;
    }
    stack.pop();
    state.set(id, 2);
    order.push(id);
  };
  for (const id of deps.keys()) visit(id);

  const stage = new Map<string, number>();
  if (!cycle) {
    for (const id of order) {
      let st = 0;
      const isAgg = id.startsWith("agg:");
      for (const d of deps.get(id) ?? []) {
        const ds = stage.get(d) ?? 0;
        const bump = !isAgg && d.startsWith("agg:") ? 1 : 0;
        const depAggFromAgg = isAgg && d.startsWith("agg:") ? 1 : 0;
        st = Math.max(st, ds + bump + depAggFromAgg);
      }
      stage.set(id, st);
    }
  }
  return { order, cycle, stage };
}

/**
 * Ids needed to compute `targets`, in dependency order.
 * @example closureOf(["item:x"], deps, order)
 */
export function closureOf(
  targets: Iterable<string>,
  deps: Map<string, readonly string[]>,
  order: string[],
): string[] {
  const need = new Set<string>();
  const walk = (id: string): void => {
    if (need.has(id)) return;
    need.add(id);
    for (const d of deps.get(id) ?? []) walk(d);
  };
  for (const t of targets) walk(t);
  return order.filter((id) => need.has(id));
}
