/**
 * 我的团队 /team: a lead picks one of their teams (HR any team) and a period, enters the scorecard values of the
 * members and sees how the team pool is split.
 * @example <Route path="team/*" element={<TeamPage />} />
 */
import { Empty, Flex, Select, Skeleton, Typography } from "antd";
import { useEffect, useState } from "react";
import { ErrorDetails } from "../../api/show-error";
import { formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { PoolCard } from "./pool-card";
import { ScoresTable } from "./scores-table";
import { useTeamContext } from "./use-team-context";

/** The team page. @example <TeamPage /> */
export default function TeamPage() {
  const t = useT();
  const { lang } = useLang();
  const { teams, periods, defaultPeriod, error } = useTeamContext();
  const [teamId, setTeamId] = useState<string | undefined>();
  const [period, setPeriod] = useState<string | undefined>();
  useEffect(() => {
    if (!teamId && teams?.[0]) setTeamId(teams[0].id);
  }, [teams, teamId]);
  useEffect(() => {
    if (!period && defaultPeriod) setPeriod(defaultPeriod);
  }, [defaultPeriod, period]);

  if (!teams) return <Skeleton active />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1280 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("team.title")}
      </Typography.Title>
      {teams.length === 0 ? (
        error !== null ? (
          <ErrorDetails error={error} />
        ) : (
          <Empty description={t("team.noTeams")} />
        )
      ) : (
        <>
          <Flex gap={8} wrap align="center">
            <span>{t("team.team")}</span>
            <Select
              style={{ width: 220 }}
              value={teamId}
              onChange={setTeamId}
              options={teams.map((tm) => ({ value: tm.id, label: `${tm.name}（${tm.headcount}）` }))}
              data-testid="team-picker"
            />
            <span>{t("team.period")}</span>
            <Select
              style={{ width: 160 }}
              value={period}
              onChange={setPeriod}
              options={periods.map((p) => ({ value: p, label: formatPeriod(p, lang) }))}
              data-testid="team-period"
            />
          </Flex>
          {teamId && period && (
            <>
              <ScoresTable teamId={teamId} period={period} />
              <PoolCard teamId={teamId} period={period} />
            </>
          )}
        </>
      )}
    </Flex>
  );
}
