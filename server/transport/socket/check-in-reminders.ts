// Check-in reminders to the account manager's console: each node looks every few seconds; the store's
// conditional claim lets one node send each reminder, once, and the adapter carries it to whichever node the
// account manager's console is connected to.
import type { Logger } from 'pino';
import type { SupportServices } from '../../domain/services';
import { agentRoom } from './rooms';
import type { AgentNamespace } from './types';

const POLL_MS = 15_000;

export function sendCheckInReminders(services: SupportServices, agents: AgentNamespace, log: Logger, pollMs = POLL_MS): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      for (const { recipients, reminder } of await services.desk.claimDueReminders()) {
        agents.to(recipients.map(agentRoom)).emit('desk:reminder', reminder);
      }
    } catch (error) {
      log.error({ err: error }, 'check-in reminders failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void look(), pollMs);
  timer.unref();
  void look();
  return () => clearInterval(timer);
}
