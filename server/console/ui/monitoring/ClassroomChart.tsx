// A classroom's RTT (left, ms) and packet loss (right, %) over the last 30 minutes, in 10-second points.
import { useStore } from '@nanostores/preact';
import type { QualityPoint } from '../../../../shared/quality';
import { texts } from '../../i18n/i18n';
import { LineChart } from '../charts/LineChart';

const monitoringText = texts('monitoring');

export function ClassroomChart({ points, classroomId }: { points: QualityPoint[]; classroomId: string }) {
  const t = useStore(monitoringText);
  const last = points[points.length - 1];
  const summary = `${t.chartSummary({ classroom: classroomId })}${last ? t.chartLatest({ rtt: last.rttMs ?? '—', loss: last.packetLossPct ?? '—' }) : ''}`;
  return (
    <LineChart
      times={points.map((p) => p.at)}
      summary={summary}
      series={[
        { label: t.rtt, unit: 'ms', color: '#1a56b8', values: points.map((p) => p.rttMs) },
        { label: t.loss, unit: '%', color: '#c0392b', side: 'right', values: points.map((p) => p.packetLossPct) },
      ]}
    />
  );
}
