/**
 * The one ECharts wrapper of the app: tree-shaken echarts/core with only the charts the pages draw (bar, line,
 * scatter, pie), re-applied when the option changes and resized with its box.
 * @example <EChart option={{ xAxis: {}, yAxis: {}, series: [] }} height={300} />
 */
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** An ECharts option (the library's own type). @example const o: ChartOption = { series: [] }; */
export type ChartOption = echarts.EChartsCoreOption;

type Props = { option: ChartOption; height?: number; testId?: string };

/** Renders one chart; re-applies the option when it changes and follows the container's size. @example <EChart option={o} /> */
export function EChart({ option, height = 300, testId }: Props) {
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: "100%", height }} data-testid={testId} />;
}
