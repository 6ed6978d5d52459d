// Times on a customer's desk page (check-ins, launch windows): entered and shown in the customer's time zone when
// it is known, with the agent's own time beside it when that reads differently; else in the agent's zone.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';
import { $timeZone } from '../../state/time-zone';
import { formatFull, formatFullIn } from '../format';
import { fromLocalInput, fromZonedInput, toLocalInput, toZonedInput } from './local-time';

const deskText = texts('desk');

export interface CustomerClock {
  /** datetime-local value ↔ epoch ms, on the customer's wall clock (else the agent's chosen zone, else the browser's). */
  toInput(ms: number): string;
  fromInput(value: string): number;
  /** "Mar 10, 2027, 10:00 AM (Asia/Shanghai) · Mar 9, 2027, 9:00 PM your time". */
  show(ms: number): string;
}

export function useCustomerClock(customerZone: string | null): CustomerClock {
  const t = useStore(deskText);
  const agentZone = useStore($timeZone);
  const zone = customerZone ?? (agentZone || null);
  return {
    toInput: (ms) => (zone ? toZonedInput(ms, zone) : toLocalInput(ms)),
    fromInput: (value) => (zone ? fromZonedInput(value, zone) : fromLocalInput(value)),
    show: (ms) => {
      if (!customerZone) return formatFull(ms);
      const theirs = formatFullIn(ms, customerZone);
      const mine = formatFull(ms);
      const named = t.inZone({ when: theirs, zone: customerZone });
      return mine === theirs ? named : `${named} · ${t.yourTime({ when: mine })}`;
    },
  };
}
