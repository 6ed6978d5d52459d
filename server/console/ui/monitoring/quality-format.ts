// Quality figures as the console writes them.
import type { QualityFigures } from '../../../../shared/quality';

/** Milliseconds in whole numbers (a tenth of a millisecond means nothing to a reader); percentages to one decimal. */
export const figure = (value: number | null, unit: string): string => {
  if (value === null) return '—';
  const rounded = unit === 'ms' ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${unit}`;
};
export const figures = (f: QualityFigures): string => `RTT ${figure(f.rttMs, 'ms')}, loss ${figure(f.packetLossPct, '%')}, jitter ${figure(f.jitterMs, 'ms')}`;
