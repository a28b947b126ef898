/**
 * A pie of a team pool's split, tree-shaken ECharts (echarts/core with the pie chart only), resized with its box.
 * Amounts arrive as decimal strings; they are turned into numbers only to size the slices.
 * @example <PoolChart lines={[{ name: "张三", amount: "120.50" }]} />
 */
import { PieChart } from "echarts/charts";
import { LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatMoney } from "../../components/format";

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { lines: { name: string; amount: string }[]; height?: number };

/** The pie. @example <PoolChart lines={lines} height={320} /> */
export function PoolChart({ lines, height = 320 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const text = new Map(lines.map((l) => [l.name, l.amount]));
    chart.current?.setOption(
      {
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
      },
      { notMerge: true },
    );
  }, [lines]);

  return <div ref={box} style={{ width: "100%", height }} data-testid="pool-chart" />;
}
