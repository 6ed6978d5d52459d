// New-chat alerts: a notice and a chime when a chat lands in Mine, silence when muted, none for a chat I took.
import { beforeEach, describe, expect, it } from 'vitest';
import { $chimes, $muted, $notices, resetAlerts, setMuted } from './alerts';
import { pickedHere } from './handover';
import { $inbox, $inboxLoaded, EMPTY_INBOX } from './inbox';
import { aSummary } from './summary-fixture';

const mine = (id: string, name: string) => aSummary(id, { status: 'active', user: { id: `u-${id}`, name, role: 'student', verified: true } });

describe('new chat alerts', () => {
  beforeEach(() => {
    setMuted(false);
    resetAlerts();
    $inboxLoaded.set(false);
    $inbox.set(EMPTY_INBOX);
  });

  function signedInWith(...chats: ReturnType<typeof mine>[]) {
    $inbox.set({ ...EMPTY_INBOX, mine: chats });
    $inboxLoaded.set(true);
  }

  it('takes the first inbox after signing in as it is, then announces each chat that lands in Mine', () => {
    signedInWith(mine('a', 'Ada'));
    const chimes = $chimes.get();
    expect($notices.get()).toEqual([]);
    $inbox.set({ ...EMPTY_INBOX, mine: [mine('a', 'Ada'), mine('b', 'Bo')] });
    expect($notices.get().map((n) => [n.text, n.conversationId])).toEqual([['New chat: Bo (P3)', 'b']]);
    expect($chimes.get()).toBe(chimes + 1);
  });

  it('shows the notice without a sound when muted', () => {
    setMuted(true);
    expect($muted.get()).toBe(true);
    signedInWith();
    const chimes = $chimes.get();
    $inbox.set({ ...EMPTY_INBOX, mine: [mine('c', 'Cy')] });
    expect($notices.get()).toHaveLength(1);
    expect($chimes.get()).toBe(chimes);
  });

  it('says nothing about a chat I took from the queue myself', () => {
    signedInWith();
    pickedHere.add('d');
    $inbox.set({ ...EMPTY_INBOX, mine: [mine('d', 'Di')] });
    expect($notices.get()).toEqual([]);
  });
});
