// Room names, the same in both namespaces.
export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
export const agentRoom = (agentId: string): string => `agent:${agentId}`;
export const endUserRoom = (endUserId: string): string => `end-user:${endUserId}`;
/** Consoles showing the supervisor's overview (agent namespace). */
export const SUPERVISORS_ROOM = 'supervisors';
/** Consoles of supervisors and admins, who may read every chat and so get every inbox preview (agent namespace). */
export const ALL_CHATS_ROOM = 'chats:all';
/** The consoles signed in with one session (agent namespace): closed together when it ends. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
