// Ticket alerts over every section: call-back alarms stay until someone takes them; SLA warnings, breaches,
// escalations and assignments show for a while. Each opens its ticket. They sit at the top right, under the top
// bar, never on a reply box and its Send button, and can be minimised to one small bar (a new alarm opens them).
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../format';
import { showTicket } from '../../state/open-ticket';
import { $alarmError, $callbackAlarms, $ticketAlerts, dismissTicketAlert, takeCallback } from '../../state/ticket-alerts';
import { texts } from '../../i18n/i18n';
import './tickets.css';

const ticketText = texts('tickets');

export function TicketAlerts() {
  const alarms = useStore($callbackAlarms);
  const alerts = useStore($ticketAlerts);
  const error = useStore($alarmError);
  const t = useStore(ticketText);
  const title = {
    sla_warning: t.alertSlaWarning,
    sla_breach: t.alertSlaBreach,
    escalated: t.alertEscalated,
    assigned: t.alertAssigned,
    callback: t.alertCallback,
  };
  const [minimised, setMinimised] = useState(false);
  // A new call-back alarm is news: it opens the alerts again.
  useEffect(() => setMinimised(false), [alarms.length]);
  if (alarms.length === 0 && alerts.length === 0) return null;
  if (minimised) {
    return (
      <section class="ticket-alerts ticket-alerts--minimised" aria-label={t.alerts}>
        <button
          type="button"
          class={alarms.length ? 'ticket-alerts-bar ticket-alerts-bar--alarm' : 'ticket-alerts-bar'}
          aria-expanded="false"
          onClick={() => setMinimised(false)}
        >
          {alarms.length ? t.showAlarms({ count: alarms.length }) : t.showAlerts({ count: alerts.length })}
        </button>
      </section>
    );
  }
  return (
    <section class="ticket-alerts" aria-label={t.alerts}>
      <button
        type="button"
        class="quiet ticket-alerts-minimise"
        aria-expanded="true"
        aria-label={t.minimiseAlertsLabel}
        onClick={() => setMinimised(true)}
      >
        {t.minimiseAlerts}
      </button>
      {alarms.map((alarm) => (
        <div key={alarm.id} class="ticket-alert ticket-alert--alarm" role="alert">
          <p>
            <strong>{t.p1Callback}</strong>
            {t.callbackOn({
              number: alarm.ticket.number,
              name: alarm.ticket.requester?.name ?? t.aUser,
              organisation: alarm.ticket.organisation.name,
            })}
            <a href={`tel:${alarm.phone.replace(/[^+\d]/g, '')}`}>{alarm.phone}</a>
            {t.callbackWhen({ time: alarm.preferredTime, asked: formatClock(alarm.createdAt) })}
          </p>
          <div class="ticket-alert-actions">
            <button type="button" class="quiet" onClick={() => showTicket(alarm.ticket.id)}>
              {t.openTicket({ number: alarm.ticket.number })}
            </button>
            <button type="button" class="primary" onClick={() => void takeCallback(alarm)}>
              {t.illCall}
            </button>
          </div>
        </div>
      ))}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {alerts.map((alert) => (
        <div key={alert.id} class={`ticket-alert ticket-alert--${alert.kind}`} role="status">
          <p>
            <strong>{title[alert.kind]}:</strong> {alert.message}
          </p>
          <div class="ticket-alert-actions">
            <button type="button" class="quiet" onClick={() => showTicket(alert.ticket.id)}>
              {t.openTicket({ number: alert.ticket.number })}
            </button>
            <button type="button" class="quiet" aria-label={t.dismiss} onClick={() => dismissTicketAlert(alert.id)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
