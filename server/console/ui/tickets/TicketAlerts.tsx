// Ticket alerts over every section: call-back alarms stay until someone takes them; SLA warnings, breaches,
// escalations and assignments show for a while. Each opens its ticket.
import { useStore } from '@nanostores/preact';
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
  const title = { sla_warning: t.alertSlaWarning, sla_breach: t.alertSlaBreach, escalated: t.alertEscalated, assigned: t.alertAssigned, callback: t.alertCallback };
  if (alarms.length === 0 && alerts.length === 0) return null;
  return (
    <div class="ticket-alerts" role="region" aria-label={t.alerts}>
      {alarms.map((alarm) => (
        <div key={alarm.id} class="ticket-alert ticket-alert--alarm" role="alert">
          <p>
            <strong>{t.p1Callback}</strong>
            {t.callbackOn({ number: alarm.ticket.number, name: alarm.ticket.requester?.name ?? t.aUser, organisation: alarm.ticket.organisation.name })}
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
    </div>
  );
}
