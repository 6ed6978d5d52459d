// A classroom's RTT (left, ms) and packet loss (right, %) over the last 30 minutes, in 10-second points.
import type { QualityPoint } from '../../../../shared/quality';
import { LineChart } from '../charts/LineChart';

export function ClassroomChart({ points, classroomId }: { points: QualityPoint[]; classroomId: string }) {
  const last = points[points.length - 1];
  const summary = `RTT and packet loss in ${classroomId} over the last 30 minutes${
    last ? `; latest RTT ${last.rttMs ?? '—'} ms, loss ${last.packetLossPct ?? '—'} %` : ''
  }`;
  return (
    <LineChart
      times={points.map((p) => p.at)}
      summary={summary}
      series={[
        { label: 'RTT', unit: 'ms', color: '#1a56b8', values: points.map((p) => p.rttMs) },
        { label: 'Loss', unit: '%', color: '#c0392b', side: 'right', values: points.map((p) => p.packetLossPct) },
      ]}
    />
  );
}
