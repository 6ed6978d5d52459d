// A reconnect storm's session reads through the real (in-memory SQLite) store: every widget gets its own open chat
// and unseen-ticket count, read in a few shared batches instead of two queries per handshake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VisitorSessions } from '../../server/domain/chats/visitor-sessions';
import type { Store } from '../../server/domain/ports';
import type { EndUser, Organisation } from '../../server/domain/records';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { aConversation, anEndUser, anOrganisation } from '../support/records';
import { aTicket } from '../support/ticket-records';

describe('session reads for many widgets connecting at once', () => {
  let real: Store;
  let org: Organisation;
  const calls = { findOpenConversations: 0, countUnseenTicketUpdatesOf: 0 };
  let sessions: VisitorSessions;

  beforeEach(async () => {
    real = openSqliteStore(':memory:');
    await real.migrate();
    calls.findOpenConversations = 0;
    calls.countUnseenTicketUpdatesOf = 0;
    // The real store, counting the batched reads.
    const store: Store = {
      ...real,
      findOpenConversations: (ids) => ((calls.findOpenConversations += 1), real.findOpenConversations(ids)),
      countUnseenTicketUpdatesOf: (ids) => ((calls.countUnseenTicketUpdatesOf += 1), real.countUnseenTicketUpdatesOf(ids)),
    };
    sessions = new VisitorSessions(store);
    org = await real.createOrganisation(anOrganisation());
  });
  afterEach(async () => {
    await real.close();
  });

  it("answers each of 300 widgets with its own chat and count, in a few reads", async () => {
    const users: EndUser[] = [];
    for (let i = 0; i < 300; i++) users.push(await real.createEndUser(anEndUser(org.id)));
    // Every third user has an open chat, every fifth a ticket with unseen updates (i % 7 + 1 of them).
    const chats = new Map<string, string>();
    for (const [i, user] of users.entries()) {
      if (i % 3 === 0) chats.set(user.id, (await real.createConversation(aConversation(org.id, user.id))).conversation.id);
      if (i % 5 === 0) await real.createTicket(aTicket(org.id, { endUserId: user.id, customerSeq: (i % 7) + 1 }), []);
    }
    const [open, unseen] = await Promise.all([
      Promise.all(users.map((user) => sessions.openChat(user.id))),
      Promise.all(users.map((user) => sessions.unseenTicketUpdates(user.id))),
    ]);
    users.forEach((user, i) => {
      expect(open[i]?.id ?? null).toBe(chats.get(user.id) ?? null);
      expect(unseen[i]).toBe(i % 5 === 0 ? (i % 7) + 1 : 0);
    });
    expect(calls.findOpenConversations).toBeLessThanOrEqual(3);
    expect(calls.countUnseenTicketUpdatesOf).toBeLessThanOrEqual(3);
  });

  it('reads what was committed before the call, never an older answer', async () => {
    const user = await real.createEndUser(anEndUser(org.id));
    expect(await sessions.openChat(user.id)).toBeNull();
    const { conversation } = await real.createConversation(aConversation(org.id, user.id));
    expect((await sessions.openChat(user.id))?.id).toBe(conversation.id);
  });
});
