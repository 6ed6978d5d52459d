// The pages sent for the open ticket, with their acknowledge button for every agent (not only admins): the
// paged agent follows the email's link to this ticket and acknowledges here, so nobody else is paged for it.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageView } from '../../../../shared/paging';
import { texts } from '../../i18n/i18n';
import { oncallApi } from '../../oncall-api';
import { formatFull } from '../format';

const oncallText = texts('oncall');
type T = ReturnType<typeof oncallText.get>;
const reasonName = (t: T, reason: PageView['reason']) =>
  ({ p1_ticket: t.reasonP1, callback: t.reasonCallback, sla_warning: t.reasonSlaWarning, sla_breach: t.reasonSlaBreach })[reason];
const waiting = (p: PageView) => p.status === 'paging' || p.status === 'unanswered';

/** `changedAt`: the ticket's last change, so a new page (it follows a change) is fetched without a reload. */
export function TicketPages({ ticketId, changedAt }: { ticketId: string; changedAt: number }) {
  const t = useStore(oncallText);
  const [pages, setPages] = useState<PageView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void oncallApi.ticketPages(ticketId).then((r) => current && r.ok && setPages(r.data));
    return () => {
      current = false;
    };
  }, [ticketId, changedAt]);
  const shown = pages.filter((p) => p.status !== 'cancelled');
  if (shown.length === 0) return null;

  const acknowledge = async (id: string) => {
    setBusy(true);
    const result = await oncallApi.acknowledge(id);
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) setPages((all) => all.map((p) => (p.id === id ? result.data : p)));
  };
  return (
    <section class={shown.some(waiting) ? 'ticket-callbacks ticket-callbacks--open' : 'ticket-callbacks'} aria-label={t.ticketPagesTitle}>
      {shown.map((p) => (
        <p key={p.id} role={waiting(p) ? 'alert' : undefined}>
          <span>
            {t.ticketPaged({
              reason: reasonName(t, p.reason),
              names:
                p.steps
                  .filter((s) => s.agentName)
                  .map((s) => s.agentName)
                  .join(' → ') || '—',
            })}
          </span>
          {p.status === 'paging' && p.escalatesAt !== null && <span>{t.ticketEscalates({ time: formatFull(p.escalatesAt) })}</span>}
          {p.status === 'unanswered' && <span>{t.ticketUnanswered}</span>}
          {p.status === 'acknowledged' && p.acknowledgedAt !== null && <span>{t.ticketAcknowledged({ time: formatFull(p.acknowledgedAt) })}</span>}
          {waiting(p) && (
            <button type="button" class="primary" disabled={busy} title={t.acknowledgeHint} onClick={() => void acknowledge(p.id)}>
              {t.acknowledge}
            </button>
          )}
        </p>
      ))}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
