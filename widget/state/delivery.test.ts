import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/errors';
import type { SendMessage } from '../../shared/protocol';
import { $conversation, $messages } from './conversation';
import { pauseDelivery, resumeDelivery, retryMessage, sendMessage } from './delivery';
import { conversation, fakeWire, message, settle } from './fake-wire';
import { memoryStorage } from './memory-storage';
import { $outbox, bindOutbox, outboxKey } from './outbox';
import { $slowDown } from './slow-down';
import { OFFLINE } from './wire';

const stored = (payload: SendMessage, seq = 1) => ok(message(seq, { clientId: payload.clientId, authorKind: 'visitor', text: payload.text }));
const texts = (list: { text: string }[]) => list.map((m) => m.text);

beforeEach(() => {
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0' });
  vi.stubGlobal('location', { href: 'https://class.example/room/7' });
  vi.stubGlobal('localStorage', memoryStorage());
  bindOutbox(outboxKey('app', `user-${Math.random()}`));
  $conversation.set(null);
  $messages.set([]);
  $outbox.set([]);
  resumeDelivery();
});

afterEach(() => {
  pauseDelivery();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sendMessage', () => {
  it('shows the message as pending at once and replaces it by the stored one when acked', async () => {
    const wire = fakeWire({
      'conversation:start': () => ok(conversation()),
      'message:send': (p) => stored(p),
      'history:fetch': () => ok({ messages: [], hasMore: false }),
    });
    expect(sendMessage('  Nobody hears me  ')).toBe(true);
    expect($outbox.get()).toMatchObject([{ text: 'Nobody hears me', status: 'sending' }]);
    await settle();
    expect($outbox.get()).toEqual([]);
    expect(texts($messages.get())).toEqual(['Nobody hears me']);
    expect(wire.calls[0]?.event).toBe('conversation:start');
    expect(wire.sent()).toHaveLength(1);
    expect(wire.calls[0]?.payload).toMatchObject({ context: { browser: 'Firefox 121', os: 'Linux', pageUrl: 'https://class.example/room/7' } });
  });

  it('refuses an empty draft so the composer keeps it', () => {
    expect(sendMessage('   ')).toBe(false);
    expect($outbox.get()).toEqual([]);
  });

  it('starts one conversation for two quick messages', async () => {
    let seq = 0;
    const wire = fakeWire({
      'conversation:start': () => ok(conversation()),
      'message:send': (p) => stored(p, ++seq),
      'history:fetch': () => ok({ messages: [], hasMore: false }),
    });
    sendMessage('one');
    sendMessage('two');
    await settle();
    expect(wire.calls.filter((call) => call.event === 'conversation:start')).toHaveLength(1);
    expect(texts($messages.get())).toEqual(['one', 'two']);
  });

  it('sends one message at a time, the next only after the previous is acknowledged', async () => {
    $conversation.set(conversation({ status: 'active' }));
    const acks: Array<() => void> = [];
    let seq = 0;
    const wire = fakeWire({ 'message:send': (p) => new Promise((resolve) => acks.push(() => resolve(stored(p, ++seq)))) });
    sendMessage('first');
    sendMessage('second');
    sendMessage('third');
    await settle();
    expect(texts(wire.sent() as SendMessage[])).toEqual(['first']);
    acks.shift()?.();
    await settle();
    expect(texts(wire.sent() as SendMessage[])).toEqual(['first', 'second']);
    acks.shift()?.();
    await settle();
    acks.shift()?.();
    await settle();
    expect(texts($messages.get())).toEqual(['first', 'second', 'third']);
  });

  it('marks a refused message "Not sent", goes on with the next, and retries it with the same clientId', async () => {
    $conversation.set(conversation({ status: 'active' }));
    let refuse = true;
    let seq = 0;
    const wire = fakeWire({ 'message:send': (p) => (refuse && p.text === 'hello' ? fail('forbidden', 'no') : stored(p, ++seq)) });
    sendMessage('hello');
    sendMessage('after');
    await settle();
    expect($outbox.get()).toMatchObject([{ text: 'hello', status: 'failed', auto: false }]);
    expect(texts($messages.get())).toEqual(['after']);
    refuse = false;
    retryMessage($outbox.get()[0]!.clientId);
    await settle();
    const hellos = (wire.sent() as SendMessage[]).filter((p) => p.text === 'hello');
    expect(hellos).toHaveLength(2);
    expect(hellos[1]?.clientId).toBe(hellos[0]?.clientId);
    expect($outbox.get()).toEqual([]);
  });

  it('shows "Not sent" after 10 s offline and resends by itself, in order, after the next session', async () => {
    vi.useFakeTimers();
    $conversation.set(conversation({ status: 'active' }));
    pauseDelivery();
    let seq = 0;
    const wire = fakeWire({ 'message:send': (p) => stored(p, ++seq) });
    sendMessage('are you there?');
    sendMessage('hello?');
    await vi.advanceTimersByTimeAsync(9_000);
    expect($outbox.get()).toMatchObject([{ status: 'sending' }, { status: 'sending' }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect($outbox.get()).toMatchObject([
      { status: 'failed', auto: true },
      { status: 'failed', auto: true },
    ]);
    expect(wire.sent()).toEqual([]);
    resumeDelivery();
    await vi.advanceTimersByTimeAsync(0);
    expect($outbox.get()).toEqual([]);
    expect(texts($messages.get())).toEqual(['are you there?', 'hello?']);
  });

  it('resends with the same clientId when the connection drops before the ack, and gives up after 3 unanswered tries', async () => {
    $conversation.set(conversation({ status: 'active' }));
    let answer: 'drop' | 'timeout' | 'ok' = 'drop';
    const wire = fakeWire({
      'message:send': (p) => {
        if (answer === 'drop') {
          pauseDelivery();
          throw new Error('socket has been disconnected');
        }
        if (answer === 'timeout') throw new Error('operation has timed out');
        return stored(p);
      },
    });
    sendMessage('lost ack?');
    await settle();
    expect($outbox.get()).toMatchObject([{ status: 'sending', tries: 1 }]);
    answer = 'timeout';
    resumeDelivery();
    await settle();
    expect($outbox.get()).toMatchObject([{ status: 'failed', tries: 3, auto: true }]);
    answer = 'ok';
    resumeDelivery();
    await settle();
    expect($outbox.get()).toEqual([]);
    const ids = new Set((wire.sent() as SendMessage[]).map((p) => p.clientId));
    expect(wire.sent()).toHaveLength(5);
    expect(ids.size).toBe(1);
  });

  it('waits and resends with the same clientId, in order, while the server cannot store (unavailable)', async () => {
    vi.useFakeTimers();
    $conversation.set(conversation({ status: 'active' }));
    let databaseUp = false;
    let seq = 0;
    const wire = fakeWire({
      'message:send': (p) => (databaseUp ? stored(p, ++seq) : fail('unavailable', 'The database cannot be reached right now')),
    });
    sendMessage('first');
    sendMessage('second');
    await vi.advanceTimersByTimeAsync(0);
    expect(wire.sent()).toHaveLength(1);
    // Tries back off (2 s, 4 s, 8 s …) instead of hammering the server; the second waits behind the first.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(wire.sent()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000 + 8_000);
    expect(texts(wire.sent() as SendMessage[])).toEqual(['first', 'first', 'first', 'first']);
    expect($outbox.get()).toMatchObject([
      { text: 'first', status: 'failed', auto: true },
      { text: 'second', auto: true },
    ]);
    databaseUp = true;
    await vi.advanceTimersByTimeAsync(16_000);
    expect($outbox.get()).toEqual([]);
    expect(texts($messages.get())).toEqual(['first', 'second']);
    expect(new Set((wire.sent() as SendMessage[]).filter((p) => p.text === 'first').map((p) => p.clientId)).size).toBe(1);
  });

  it('shows "Not sent" when no ack comes within 10 s on a live connection, and still delivers it', async () => {
    vi.useFakeTimers();
    $conversation.set(conversation({ status: 'active' }));
    let calls = 0;
    fakeWire({
      'message:send': (p) =>
        ++calls === 1 ? new Promise((_, reject) => setTimeout(() => reject(new Error('operation has timed out')), 12_000)) : stored(p),
    });
    sendMessage('slow network');
    await vi.advanceTimersByTimeAsync(10_000);
    expect($outbox.get()).toMatchObject([{ status: 'failed', auto: true }]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect($outbox.get()).toEqual([]);
    expect(texts($messages.get())).toEqual(['slow network']);
  });

  it('waits out rate_limited with "slow down" shown, then resends by itself, in order, with the same clientIds', async () => {
    vi.useFakeTimers();
    $conversation.set(conversation({ status: 'active' }));
    let seq = 0;
    let limited = true;
    const wire = fakeWire({
      'message:send': (p) =>
        limited
          ? { ok: false as const, error: { code: 'rate_limited' as const, message: 'slow down a little', retryAfterMs: 15_000 } }
          : stored(p, ++seq),
    });
    sendMessage('one');
    sendMessage('two');
    await vi.advanceTimersByTimeAsync(0);
    expect($slowDown.get()).toBe(true);
    // Past the 10 s watchdog, yet still "Sending…": the server answered and the widget knows when to go on.
    await vi.advanceTimersByTimeAsync(12_000);
    expect($outbox.get()).toMatchObject([
      { text: 'one', status: 'sending', auto: true },
      { text: 'two', status: 'sending', auto: true },
    ]);
    expect(wire.sent()).toHaveLength(1);
    limited = false;
    await vi.advanceTimersByTimeAsync(3_000);
    expect($outbox.get()).toEqual([]);
    expect(texts($messages.get())).toEqual(['one', 'two']);
    expect($slowDown.get()).toBe(false);
    const [first, again] = wire.sent() as SendMessage[];
    expect(again?.clientId).toBe(first?.clientId);
  });

  it('does not send while offline', async () => {
    $conversation.set(conversation({ status: 'active' }));
    const wire = fakeWire({ 'message:send': () => Promise.reject(new Error(OFFLINE)) });
    pauseDelivery();
    sendMessage('queued');
    await settle();
    expect(wire.sent()).toEqual([]);
    expect($outbox.get()).toMatchObject([{ text: 'queued', status: 'sending' }]);
  });

  it('opens a new conversation when the chat ended under the message', async () => {
    $conversation.set(conversation({ status: 'active' }));
    const next = conversation({ id: 'b0a7f0de-0000-4000-8000-000000000000' });
    const wire = fakeWire({
      'message:send': (p) =>
        p.conversationId === next.id ? ok(message(1, { conversationId: next.id, clientId: p.clientId })) : fail('conversation_closed', 'closed'),
      'conversation:start': () => ok(next),
      'history:fetch': () => ok({ messages: [], hasMore: false }),
    });
    sendMessage('still broken');
    await settle();
    expect($conversation.get()?.id).toBe(next.id);
    expect($outbox.get()).toEqual([]);
    expect(wire.sent()).toHaveLength(2);
  });
});
