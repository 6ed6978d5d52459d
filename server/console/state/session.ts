// Signing in and out, and wiring the live link's events into the stores.
import { listenForQuality, resetMonitoring } from './monitoring';
import { listenForIncidents, resetIncidents } from './incidents';
import { listenForReminders, resetDesk } from './desk';
import { api } from '../api';
import { accountApi } from '../account-api';
import type { AccountView } from '../../../shared/account-model';
import { connectAgent } from '../transport';
import type { AgentView, ChatMessage, ConversationSummary } from '../../../shared/model';
import { $connection, $connectionProblem, currentLink, request, setLink } from './connection';
import { $openConversation, applySummaryToOpen, leaveConversation, receiveMessage, resyncOpenConversation } from './conversation';
import { $drafts } from './drafts';
import { $inbox, $inboxLoaded, EMPTY_INBOX, isMine, placeSummary, sortInbox, withdrawSummary } from './inbox';
import { $authPhase, $me, $signInForm, $twoFactorEnabled } from './me';
import { $outbox, resendStalled } from './outbox';
import { resetPresence, restorePresence, withPendingChoice } from './presence';
import { listenForTeamwork, resetTeamwork } from './teamwork';
import { listenForTickets, resetTickets } from './ticket-link';
import { listenForRatings } from './satisfaction';
import { listenForTriedArticles, resetTriedArticles } from './tried-articles';
import { applyReadUpdate, loadReads, noteVisitorMessage, resetReads } from './read-marks';
import { clearTyping, receiveTyping, resetTyping } from './typing';
import { useAccountLocale } from './language';
import { useAccountTimeZone } from './time-zone';

/** Tries the session cookie at start-up: straight into the console when it is still valid. */
export async function restoreSession(): Promise<void> {
  const result = await accountApi.me();
  if (result.ok) return enter(result.data);
  $authPhase.set('signed-out');
  // 401 is the normal "not signed in"; anything else (server down) deserves a word.
  if (result.error.code !== 'unauthorized') $signInForm.set({ submitting: false, error: result.error.message, needsCode: false });
}

/** `code` only on the second step, for accounts with two-factor sign-in. */
export async function signIn(email: string, password: string, code?: string): Promise<void> {
  const form = $signInForm.get();
  if (form.submitting) return;
  $signInForm.set({ ...form, submitting: true, error: null });
  const result = await accountApi.signIn(email, password, code);
  if (!result.ok) {
    const needsCode = result.error.code === 'two_factor_required' || (form.needsCode && result.error.code !== 'rate_limited' && code !== undefined);
    // The first answer of a two-factor account is the question for the code, not an error to show.
    $signInForm.set({ submitting: false, error: result.error.code === 'two_factor_required' ? null : result.error.message, needsCode });
    return;
  }
  $signInForm.set({ submitting: false, error: null, needsCode: false });
  enter(result.data);
}

/** After sign-in, a password change or a link: the console, or first the forced change of a generated password. */
export function enter(account: AccountView): void {
  $twoFactorEnabled.set(account.twoFactorEnabled);
  useAccountLocale(account.locale);
  useAccountTimeZone(account.timeZone);
  if (account.mustChangePassword) {
    $me.set(account);
    $authPhase.set('must-change-password');
    return;
  }
  enterConsole(account);
}

export async function signOut(): Promise<void> {
  leave(null);
  await api.signOut();
}

function enterConsole(agent: AgentView): void {
  $me.set(agent);
  $authPhase.set('signed-in');
  connect();
}

/** Drops the link and everything the signed-in agent could see. */
export function leave(notice: string | null): void {
  currentLink()?.disconnect();
  setLink(null);
  $connection.set('offline');
  $connectionProblem.set(null);
  leaveConversation();
  resetTyping();
  $inbox.set(EMPTY_INBOX);
  $inboxLoaded.set(false);
  resetReads();
  $outbox.set([]);
  $drafts.set({});
  resetPresence();
  resetTeamwork();
  resetMonitoring();
  resetIncidents();
  resetDesk();
  resetTickets();
  resetTriedArticles();
  $me.set(null);
  $signInForm.set({ submitting: false, error: notice, needsCode: false });
  $authPhase.set('signed-out');
}

function connect(): void {
  currentLink()?.disconnect();
  const link = connectAgent({
    status: (status, problem) => {
      $connection.set(status);
      $connectionProblem.set(problem ?? null);
    },
    session: ({ agent }) => {
      $me.set(withPendingChoice(agent));
      restorePresence(agent);
      void refresh();
    },
    conversationUpdated,
    messageNew,
    typing: receiveTyping,
    readUpdated: applyReadUpdate,
    unauthorized: (message) => leave(message),
  });
  setLink(link);
  link.listen('conversation:withdrawn', ({ conversationId }) => $inbox.set(withdrawSummary($inbox.get(), conversationId)));
  listenForTeamwork(link);
  listenForQuality(link);
  listenForIncidents(link);
  listenForReminders(link);
  listenForTickets(link);
  listenForRatings(link);
  listenForTriedArticles(link);
}

/** After every (re)connect: the inbox as it is now, and whatever the open conversation missed. */
async function refresh(): Promise<void> {
  const result = await request((link) => link.fetchInbox());
  if (result.ok) {
    $inbox.set(sortInbox(result.data));
    $inboxLoaded.set(true);
  }
  // Unread counts are lastSeq minus my read mark: fetch the marks with the inbox, every time.
  const openId = $openConversation.get()?.id;
  await loadReads([...$inbox.get().mine.map((c) => c.id), ...(openId ? [openId] : [])]);
  await resyncOpenConversation();
  resendStalled();
}

function conversationUpdated(summary: ConversationSummary): void {
  const me = $me.get();
  if (!me) return;
  const inbox = $inbox.get();
  const wasMine = isMine(inbox, summary.id);
  const next = placeSummary(inbox, summary, me.id);
  $inbox.set(next);
  applySummaryToOpen(summary);
  // A chat that comes (back) to me: how far I read it before, if ever; until then all of it counts as unread.
  if (isMine(next, summary.id) && !wasMine) void loadReads([summary.id]);
}

function messageNew(message: ChatMessage): void {
  if (message.authorKind === 'visitor') noteVisitorMessage(message.conversationId, message.seq);
  receiveMessage(message);
  if (message.authorKind !== 'visitor') return;
  // Their message ends their typing, even if the "stopped" notice never comes, and shows they read up to it.
  clearTyping(message.conversationId);
  applyReadUpdate({ conversationId: message.conversationId, reader: 'visitor', seq: message.seq });
}
