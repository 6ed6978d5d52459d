// Grouped bars on uPlot (the console's one chart library): categories along x (e.g. priorities), one or two
// series side by side in each. Like LineChart, an image to assistive technology named by `summary`; the figures it draws
// are also in a table nearby.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { texts } from '../../i18n/i18n';

const chartText = texts('charts');

export interface BarSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface BarChartProps {
  categories: string[];
  series: BarSeries[];
  /** The y axis's name, e.g. "%". */
  unit: string;
  /** Upper end of the y axis; the data's maximum (with headroom) when absent. */
  max?: number;
  summary: string;
  height?: number;
}

export function BarChart({ categories, series, unit, max, summary, height = 200 }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const t = useStore(chartText);
  const shape = `${t.value}#${categories.join('|')}#${series.map((s) => s.label).join('|')}#${unit}#${max ?? ''}`;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // One series: bars centred on their category; two: side by side, one each side of the category's tick.
    const single = series.length === 1;
    const bars = (i: number) => uPlot.paths.bars!({ size: [single ? 0.6 : 0.4, 64], align: single ? 0 : i === 0 ? -1 : 1 });
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height,
      scales: { x: { time: false, range: [-0.6, categories.length - 0.4] }, y: { range: (_u, _min, top) => [0, max ?? Math.max(top * 1.2, 1)] } },
      series: [
        { label: t.value },
        ...series.map((s, i) => ({ label: s.label, fill: s.color, stroke: s.color, width: 0, paths: bars(i), points: { show: false } })),
      ],
      axes: [{ splits: () => categories.map((_c, k) => k), values: (_u, splits) => splits.map((k) => categories[k] ?? '') }, { label: unit }],
      legend: { show: true },
      cursor: { show: false },
    };
    plot.current = new uPlot(options, [categories.map((_c, k) => k), ...series.map((s) => s.values)] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(element.clientWidth, 240), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData([categories.map((_c, k) => k), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [categories, series]);

  return <div class="bar-chart" ref={box} role="img" aria-label={summary} />;
}
