// Addresses inside the agent console that other channels link to: a ticket opens at /console/tickets/CS-000123
// (emails, pages, webhooks and copied browser addresses); the console reads the same path when it starts.
const TICKET_PATH = /^\/console\/tickets\/([A-Za-z0-9-]{1,64})\/?$/;

/** The path of a ticket's view in the console, by its number (or id). */
export const consoleTicketPath = (ref: string): string => `/console/tickets/${encodeURIComponent(ref)}`;

/** The ticket a console path points at, or null when it points at none. */
export function ticketRefFromPath(pathname: string): string | null {
  return TICKET_PATH.exec(pathname)?.[1] ?? null;
}
