// Quality figures as the console writes them.
import type { QualityFigures } from '../../../../shared/quality';

export const figure = (value: number | null, unit: string): string => (value === null ? '—' : `${Math.round(value * 10) / 10} ${unit}`);
export const figures = (f: QualityFigures): string => `RTT ${figure(f.rttMs, 'ms')}, loss ${figure(f.packetLossPct, '%')}, jitter ${figure(f.jitterMs, 'ms')}`;
