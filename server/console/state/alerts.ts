// Drawing the agent's attention: a sound and a notice when a chat is newly assigned (or a customer of theirs
// starts one), with a mute setting that survives reloads.
import { atom } from 'nanostores';
import { renderNotice } from '../../../shared/notices/render';
import type { AgentNotice } from '../../../shared/routing-model';
import { $locale } from '../i18n/locale';
import { texts } from '../i18n/i18n';
import { pickedHere } from './handover';
import { $inbox, $inboxLoaded } from './inbox';

const workspaceTexts = texts('workspace');

const MUTE_KEY = 'cs:console:muted';
const NOTICE_MS = 8_000;

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export const $muted = atom(readMuted());

export function setMuted(muted: boolean): void {
  $muted.set(muted);
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // Storage refused (private mode): the setting lasts for this page.
  }
}

export interface Notice {
  id: number;
  text: string;
  conversationId: string | null;
}

export const $notices = atom<Notice[]>([]);
let lastNotice = 0;
/** Sounds played, for tests and the curious; the sound itself cannot be observed from a page. */
export const $chimes = atom(0);

export function notify(text: string, conversationId: string | null, withSound = true): void {
  const notice = { id: ++lastNotice, text, conversationId };
  $notices.set([...$notices.get(), notice].slice(-4));
  setTimeout(() => dismissNotice(notice.id), NOTICE_MS);
  if (withSound && !$muted.get()) chime();
}

export function dismissNotice(id: number): void {
  $notices.set($notices.get().filter((n) => n.id !== id));
}

export function receiveNotice(notice: AgentNotice): void {
  // The server sends a code with parameters: the agent reads it in the console's language.
  notify(notice.notice ? renderNotice(notice.notice, $locale.get()) : notice.text, notice.conversationId);
}

let audio: AudioContext | null = null;

/** Two short rising tones; WebAudio needs no sound file (and the console's CSP allows no media source). */
function chime(): void {
  $chimes.set($chimes.get() + 1);
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.18, 880],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio device, or the browser refuses audio before a click: the notice still shows.
  }
}

/** Chats in Mine as last seen; one that appears there is a new assignment. */
let known: Set<string> | null = null;

$inbox.listen((inbox) => {
  const now = new Set(inbox.mine.map((c) => c.id));
  // The first inbox after signing in (or reconnecting) is a baseline, not news.
  if (known && $inboxLoaded.get()) {
    for (const chat of inbox.mine) {
      if (known.has(chat.id)) continue;
      if (pickedHere.delete(chat.id)) continue;
      notify(workspaceTexts.get().newChat({ name: chat.user.name, priority: chat.routing.priority }), chat.id);
    }
  }
  known = $inboxLoaded.get() ? now : null;
});

$inboxLoaded.listen((loaded) => {
  known = loaded ? new Set($inbox.get().mine.map((c) => c.id)) : null;
});

export function resetAlerts(): void {
  known = null;
  $notices.set([]);
}
