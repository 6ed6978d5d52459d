// What clients are shown of a chat's routing state; the internals (who to avoid, whether the assignee replied) stay inside.
import type { ChatRoutingView } from '../../../shared/model';
import type { ChatRouting } from '../records';

export const chatRoutingView = (
  { avoidAgentId: _avoid, assigneeReplied: _replied, ...shown }: ChatRouting,
  previousAgentIds: string[],
): ChatRoutingView => ({ ...shown, previousAgentIds });
