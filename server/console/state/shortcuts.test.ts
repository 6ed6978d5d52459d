// Which keys trigger which console shortcuts, and which belong to the text field being typed in.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/model';
import { neighbourChat } from './inbox-view';
import { shortcutFor, type KeyLike } from './shortcuts';
import { aSummary } from './summary-fixture';

const press = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  inTextField: false,
  ...over,
});

describe('console shortcuts', () => {
  it('moves between chats with Alt and the arrows, even while typing', () => {
    expect(shortcutFor(press({ altKey: true, code: 'ArrowDown', inTextField: true }))).toBe('next-chat');
    expect(shortcutFor(press({ altKey: true, code: 'ArrowUp' }))).toBe('previous-chat');
  });

  it('goes by the physical key, so Option+C on a Mac (ç) still closes the chat', () => {
    expect(shortcutFor(press({ altKey: true, code: 'KeyC', key: 'ç' }))).toBe('close-chat');
  });

  it('searches with Ctrl+K anywhere, and with / or ? only outside text fields', () => {
    expect(shortcutFor(press({ ctrlKey: true, code: 'KeyK', inTextField: true }))).toBe('search');
    expect(shortcutFor(press({ key: '/' }))).toBe('search');
    expect(shortcutFor(press({ key: '/', inTextField: true }))).toBeNull();
    expect(shortcutFor(press({ key: '?', shiftKey: true }))).toBe('help');
    expect(shortcutFor(press({ key: 'a' }))).toBeNull();
  });

  it('steps through the visible chats, wrapping around, starting at the top when none is open', () => {
    const list: ConversationSummary[] = [aSummary('a'), aSummary('b'), aSummary('c')];
    expect(neighbourChat(list, null, 1)).toBe('a');
    expect(neighbourChat(list, 'b', 1)).toBe('c');
    expect(neighbourChat(list, 'c', 1)).toBe('a');
    expect(neighbourChat(list, 'a', -1)).toBe('c');
    expect(neighbourChat([], 'a', 1)).toBeNull();
  });
});
