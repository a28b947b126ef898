/**
 * A pie of a team pool's split, drawn by the shared <EChart> (tree-shaken echarts/core), resized with its box.
 * Amounts arrive as decimal strings; they are turned into numbers only to size the slices.
 * @example <PoolChart lines={[{ name: "张三", amount: "120.50" }]} />
 */
import { useMemo } from "react";
import { type ChartOption, EChart } from "../../components/echart";
import { formatMoney } from "../../components/format";

type Line = { name: string; amount: string };

type Props = { lines: Line[]; height?: number };

/** The pie's ECharts option: slices sized by amount, the tooltip showing the amount text. @example buildPoolOption(lines) */
export function buildPoolOption(lines: Line[]): ChartOption {
  const text = new Map(lines.map((l) => [l.name, l.amount]));
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; percent: number }) =>
        `${p.name}<br/>${formatMoney(text.get(p.name) ?? "")}（${p.percent}%）`,
    },
    legend: { type: "scroll", orient: "vertical", right: 0, top: 20, bottom: 20 },
    series: [
      {
        type: "pie",
        radius: ["35%", "70%"],
        center: ["40%", "50%"],
        // Display only: the slice sizes need numbers; the amounts shown stay the API's text.
        data: lines.map((l) => ({ name: l.name, value: Number(l.amount) })),
        label: { formatter: "{b}" },
      },
    ],
  };
}

/** The pie. @example <PoolChart lines={lines} height={320} /> */
export function PoolChart({ lines, height = 320 }: Props) {
  const option = useMemo(() => buildPoolOption(lines), [lines]);
  return <EChart option={option} height={height} testId="pool-chart" />;
}
