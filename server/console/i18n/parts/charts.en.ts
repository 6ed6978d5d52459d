// English texts the charts write themselves (uPlot's legend names the x values).
export const CHARTS = {
  time: 'Time',
  value: 'Value',
} as const;
