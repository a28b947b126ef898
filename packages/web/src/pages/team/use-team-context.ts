/**
 * Teams and periods for the lead's pages: GET /teams (a lead gets their own teams) and GET /periods, falling back
 * to the last 12 calendar months when the period list is not available to the role.
 * @example const { teams, periods } = useTeamContext();
 */
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { ItemsOf } from "../../api/types";
import type { PeriodBrief, TeamInfo } from "../../api/types-policies";

/** The last `n` months up to the given date, newest first. @example recentMonths(new Date("2026-10-05"), 2) // ["2026-10", "2026-09"] */
export function recentMonths(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}

/** What the lead's pages choose from. @example ctx.teams?.[0]?.name */
export type TeamContext = {
  teams: TeamInfo[] | null;
  periods: string[];
  defaultPeriod: string | undefined;
  error: unknown;
};

const CLOSED = new Set(["approved", "paid", "locked"]);

/** The period being worked on: the newest one not approved yet, else the newest. @example workingPeriod([{ period: "2026-10", status: null }]) === "2026-10" */
export function workingPeriod(items: PeriodBrief[]): string | undefined {
  const sorted = [...items].sort((a, b) => b.period.localeCompare(a.period));
  return (sorted.find((p) => !CLOSED.has(p.status ?? "")) ?? sorted[0])?.period;
}

/** Loads teams and periods once. @example const ctx = useTeamContext(); */
export function useTeamContext(): TeamContext {
  const [teams, setTeams] = useState<TeamInfo[] | null>(null);
  const [periods, setPeriods] = useState<string[]>([]);
  const [defaultPeriod, setDefaultPeriod] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<ItemsOf<TeamInfo>>("/api/v1/teams")
      .then((r) => setTeams(r.items))
      .catch((e) => {
        setTeams([]);
        setError(e);
      });
    api
      .get<ItemsOf<PeriodBrief>>("/api/v1/periods")
      .then((r) => {
        const list = r.items
          .map((p) => p.period)
          .sort()
          .reverse();
        if (list.length === 0) throw new Error("no periods");
        setPeriods(list);
        setDefaultPeriod(workingPeriod(r.items));
      })
      .catch(() => {
        // Leads may not list periods: offer the last months; last month is usually the one being paid.
        const months = recentMonths(new Date(), 12);
        setPeriods(months);
        setDefaultPeriod(months[1]);
      });
  }, []);
  return { teams, periods, defaultPeriod, error };
}
