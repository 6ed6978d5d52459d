// Builds a conversation's context: what the widget reported, overridden by what the server knows for sure.
import type { PriorityContext } from '../../../shared/chat-priority';
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

/**
 * What may raise a chat's priority. Anyone can type "teacher, live class running" into a page, so an anonymous
 * visitor's claims raise nothing (their own urgency choice still counts). A verified user's role comes from the
 * signed token; whether their class is running comes from the host page that obtained the token for them.
 */
export function priorityClaims(context: ConversationContext, user: EndUser): PriorityContext {
  if (!user.verified) return {};
  return { role: user.role, liveClass: context.liveClass === true };
}
