// In the context panel of a chat the user opened from the unstable-connection notice: "Proactive", and the
// quality the server saw from them before (oldest first).
import type { ChatActionProps } from '../chat-slot-props';
import { figure } from './quality-format';

export function ProactiveQuality({ conversation }: ChatActionProps) {
  const { proactive, qualityHistory = [] } = conversation.context;
  if (proactive !== 'quality') return null;
  return (
    <section class="proactive-quality" aria-labelledby="proactive-quality-title">
      <h3 id="proactive-quality-title">
        <span class="health health-degraded">Proactive</span> Offered help after an unstable connection
      </h3>
      {qualityHistory.length === 0 ? (
        <p class="muted small">No quality reports were kept.</p>
      ) : (
        <ol class="quality-history small" aria-label="Quality before the chat">
          {qualityHistory.map((h) => (
            <li key={h.at}>
              {new Date(h.at).toLocaleTimeString()}: RTT {figure(h.rttMs, 'ms')}, loss {figure(h.packetLossPct, '%')}, jitter {figure(h.jitterMs, 'ms')}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
