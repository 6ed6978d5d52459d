import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $typing, receiveTyping, resetTyping } from './typing';

beforeEach(() => {
  vi.useFakeTimers();
  resetTyping();
});
afterEach(() => vi.useRealTimers());

describe('typing indicators', () => {
  it('lapse 6 s after the last notice in each conversation, even without a "stopped" notice', () => {
    receiveTyping({ conversationId: 'a', name: 'Sam', typing: true });
    vi.advanceTimersByTime(3_000);
    receiveTyping({ conversationId: 'b', name: 'Kim', typing: true });
    vi.advanceTimersByTime(3_000);
    expect($typing.get()).toEqual({ b: 'Kim' });
    vi.advanceTimersByTime(3_000);
    expect($typing.get()).toEqual({});
  });
});
