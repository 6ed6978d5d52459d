// Ticket alerts over every section: call-back alarms stay until someone takes them; SLA warnings, breaches,
// escalations and assignments show for a while. Each opens its ticket.
import { useStore } from '@nanostores/preact';
import { formatClock } from '../format';
import { showTicket } from '../../state/open-ticket';
import { $alarmError, $callbackAlarms, $ticketAlerts, dismissTicketAlert, takeCallback } from '../../state/ticket-alerts';
import './tickets.css';

const TITLE = { sla_warning: 'SLA warning', sla_breach: 'SLA breached', escalated: 'Escalated', assigned: 'Assigned to you', callback: 'Call back' } as const;

export function TicketAlerts() {
  const alarms = useStore($callbackAlarms);
  const alerts = useStore($ticketAlerts);
  const error = useStore($alarmError);
  if (alarms.length === 0 && alerts.length === 0) return null;
  return (
    <div class="ticket-alerts" role="region" aria-label="Ticket alerts">
      {alarms.map((alarm) => (
        <div key={alarm.id} class="ticket-alert ticket-alert--alarm" role="alert">
          <p>
            <strong>P1 call-back requested</strong> on {alarm.ticket.number} by {alarm.ticket.requester?.name ?? 'a user'} ({alarm.ticket.organisation.name}):{' '}
            <a href={`tel:${alarm.phone.replace(/[^+\d]/g, '')}`}>{alarm.phone}</a>, {alarm.preferredTime}. Asked at {formatClock(alarm.createdAt)}.
          </p>
          <div class="ticket-alert-actions">
            <button type="button" class="quiet" onClick={() => showTicket(alarm.ticket.id)}>
              Open {alarm.ticket.number}
            </button>
            <button type="button" class="primary" onClick={() => void takeCallback(alarm)}>
              I'll call
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
            <strong>{TITLE[alert.kind]}:</strong> {alert.message}
          </p>
          <div class="ticket-alert-actions">
            <button type="button" class="quiet" onClick={() => showTicket(alert.ticket.id)}>
              Open {alert.ticket.number}
            </button>
            <button type="button" class="quiet" aria-label="Dismiss" onClick={() => dismissTicketAlert(alert.id)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
