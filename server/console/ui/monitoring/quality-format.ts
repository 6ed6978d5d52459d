// Quality figures as the console writes them, in the agent's language.
import type { QualityFigures } from '../../../../shared/quality';
import { texts } from '../../i18n/i18n';

const monitoringText = texts('monitoring');

/** Milliseconds in whole numbers (a tenth of a millisecond means nothing to a reader); percentages to one decimal. */
export const figure = (value: number | null, unit: string): string => {
  if (value === null) return '—';
  const rounded = unit === 'ms' ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${unit}`;
};
export const figures = (f: Pick<QualityFigures, 'rttMs' | 'packetLossPct' | 'jitterMs'>): string =>
  monitoringText.get().figures({ rtt: figure(f.rttMs, 'ms'), loss: figure(f.packetLossPct, '%'), jitter: figure(f.jitterMs, 'ms') });
