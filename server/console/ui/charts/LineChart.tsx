// A small time-series chart on uPlot (canvas, ~50 KB, fast with thousands of points), reused by the console's
// sections: one x axis of times, up to two y scales (e.g. milliseconds left, percent right). The chart is an
// image to assistive technology, named by `summary`; the figures it draws are also shown as text nearby.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { texts } from '../../i18n/i18n';

const chartText = texts('charts');

export interface ChartSeries {
  label: string;
  /** One value per time; null leaves a gap. */
  values: (number | null)[];
  color: string;
  /** Which y scale: 'left' (default) or 'right'. */
  side?: 'left' | 'right';
  unit: string;
}

export interface LineChartProps {
  /** Epoch milliseconds, ascending. */
  times: number[];
  series: ChartSeries[];
  summary: string;
  height?: number;
}

export function LineChart({ times, series, summary, height = 180 }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const t = useStore(chartText);
  const shape = `${t.time}#${series.map((s) => `${s.label}:${s.side ?? 'left'}`).join('|')}`;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const scaleOf = (s: ChartSeries) => (s.side === 'right' ? 'right' : 'left');
    const axisFor = (side: 'left' | 'right') => {
      const first = series.find((s) => scaleOf(s) === side);
      return first ? [{ scale: side, side: side === 'left' ? 3 : 1, label: first.unit, grid: { show: side === 'left' } }] : [];
    };
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height,
      // Headroom above the highest value, and a floor, so two series on their own scales do not lie on top of each other.
      scales: {
        x: { time: true },
        left: { range: (_u, _min, max) => [0, Math.max(max * 1.25, 10)] },
        right: { range: (_u, _min, max) => [0, Math.max(max * 2, 10)] },
      },
      series: [
        { label: t.time },
        ...series.map((s) => ({ label: `${s.label} (${s.unit})`, stroke: s.color, width: 2, scale: scaleOf(s), spanGaps: false })),
      ],
      axes: [{}, ...axisFor('left'), ...axisFor('right')],
      legend: { show: true },
    };
    plot.current = new uPlot(options, [[], ...series.map(() => [])] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(element.clientWidth, 240), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData([times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [times, series]);

  return <div class="line-chart" ref={box} role="img" aria-label={summary} />;
}
