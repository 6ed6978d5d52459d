import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $agentTyping, showTyping } from './agent-typing';

const notice = (typing: boolean) => ({ conversationId: 'c', name: 'Ada', typing });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('"… is typing"', () => {
  it('goes away by itself 6 s after the last notice, when the "stopped" notice is lost', () => {
    showTyping(notice(true));
    vi.advanceTimersByTime(5_000);
    showTyping(notice(true));
    vi.advanceTimersByTime(5_999);
    expect($agentTyping.get()).toBe('Ada');
    vi.advanceTimersByTime(1);
    expect($agentTyping.get()).toBeNull();
  });

  it('goes away at once on "stopped"', () => {
    showTyping(notice(true));
    showTyping(notice(false));
    expect($agentTyping.get()).toBeNull();
  });
});
