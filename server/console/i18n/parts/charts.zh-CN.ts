// Chinese texts the charts write themselves: the same keys as charts.en.ts.
import type { CHARTS } from './charts.en';
import type { Part } from './part';

export const CHARTS_ZH: Part<typeof CHARTS> = {
  time: '时间',
  value: '数值',
};
