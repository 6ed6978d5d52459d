// Wording of an incident's history entries (each step with the classroom's figures then), in the agent's language.
import type { TicketEvent } from '../../../../shared/ticket-model';
import { texts } from '../../i18n/i18n';
import { figures } from './quality-format';

const incidentText = texts('incident');

export function describeIncidentStep(event: TicketEvent): string {
  const t = incidentText.get();
  const step = event.data.incident;
  if (!step) return t.title;
  const quality = step.figures ? t.stepFigures({ figures: figures(step.figures), degraded: step.degradedUsers, reporting: step.reportingUsers }) : '';
  switch (step.step) {
    case 'opened':
      return `${t.stepOpened({ classroom: step.classroomId, users: step.linked?.filter((l) => l.kind === 'end_user').length ?? 0 })}${quality}`;
    case 'linked': {
      const linked = step.linked ?? [];
      const count = (kind: string) => linked.filter((l) => l.kind === kind).length;
      return `${t.stepLinked({ users: count('end_user'), chats: count('conversation'), tickets: count('ticket') })}${quality}`;
    }
    case 'update':
      return `${t.stepUpdate({ text: event.text ?? '' })}${quality}`;
    case 'recovered':
      return `${t.stepRecovered}${quality}`;
    case 'resolved':
      return `${t.stepResolved}${quality}`;
  }
}
