// Builds a conversation's context: what the widget reported, overridden by what the server knows for sure.
import type { ConversationContext } from '../../../shared/model';
import type { ClientContext } from '../../../shared/schemas';
import type { EndUser, Organisation } from '../records';

export function buildContext(org: Organisation, user: EndUser, reported: ClientContext): ConversationContext {
  const context: ConversationContext = { ...reported, organisation: org.name };
  // A verified identity outranks whatever the page claims about role and classroom.
  if (user.verified) {
    if (user.role) context.role = user.role;
    if (user.classroomId) context.classroomId = user.classroomId;
  }
  return context;
}
