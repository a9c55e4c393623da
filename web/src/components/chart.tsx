import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, MapChart, AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Register a GeoJSON map once (echarts keeps a global registry). */
export function registerMap(name: string, geoJson: object): void {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

/**
 * One echarts chart that follows its container's size; `label` is read out by screen readers. `svg`
 * draws it as SVG: its labels are text in the page (found by the browser's search and by tests).
 */
export function Chart({ option, height = 320, label, testId, svg = false }: { option: ChartOption; height?: number; label: string; testId?: string; svg?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: svg ? 'svg' : 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [svg]);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, true);
  }, [option, label, svg]);

  return <div ref={el} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />;
}
