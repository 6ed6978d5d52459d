// Wires a new link's routing and teamwork events into the stores, and refreshes them after every (re)connect.
import { $me } from './me';
import { loadAllChats, placeInAll, $allChats } from './all-chats';
import { receiveNotice, resetAlerts } from './alerts';
import { $canned, loadCanned } from './canned';
import { $openConversation } from './conversation';
import { $colleagues } from './handover';
import { loadJournal, receiveMove, receiveNote, resetJournal } from './journal';
import { resetNotes } from './notes';
import { resetTabs } from './open-chats';
import { receiveOverview, resetSupervision, rewatchSupervision } from './supervision';
import type { AgentLink } from '../transport';

export function listenForTeamwork(link: AgentLink): void {
  link.listen('session', () => {
    void loadCanned();
    void loadAllChats();
    rewatchSupervision();
    const open = $openConversation.get();
    if (open) void loadJournal(open.id);
  });
  link.listen('conversation:updated', placeInAll);
  link.listen('move:new', receiveMove);
  link.listen('note:new', receiveNote);
  link.listen('notice', receiveNotice);
  link.listen('supervisor:overview', receiveOverview);
  link.listen('canned:changed', () => void loadCanned());
  link.listen('agent:updated', (agent) => {
    const before = $me.get();
    $me.set(agent);
    // Made a supervisor or admin (or no longer one): the All tab comes or goes.
    if (before?.role !== agent.role) void loadAllChats();
  });
}

export function resetTeamwork(): void {
  resetAlerts();
  resetJournal();
  resetNotes();
  resetTabs();
  resetSupervision();
  $allChats.set(null);
  $canned.set([]);
  $colleagues.set(null);
}
