// In the context panel of a chat the user opened from the unstable-connection notice: "Proactive", and the
// quality the server saw from them before (oldest first).
import { useStore } from '@nanostores/preact';
import type { ChatActionProps } from '../chat-slot-props';
import { texts } from '../../i18n/i18n';
import { formatClock } from '../format';
import { figures } from './quality-format';

const monitoringText = texts('monitoring');

export function ProactiveQuality({ conversation }: ChatActionProps) {
  const t = useStore(monitoringText);
  const { proactive, qualityHistory = [] } = conversation.context;
  if (proactive !== 'quality') return null;
  return (
    <section class="proactive-quality" aria-labelledby="proactive-quality-title">
      <h3 id="proactive-quality-title">
        <span class="health health-degraded">{t.proactive}</span> {t.proactiveLead}
      </h3>
      {qualityHistory.length === 0 ? (
        <p class="muted small">{t.noHistory}</p>
      ) : (
        <ol class="quality-history small" aria-label={t.historyLabel}>
          {qualityHistory.map((h) => (
            <li key={h.at}>
              {formatClock(h.at)}: {figures(h)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
