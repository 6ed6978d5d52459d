// Canned replies: what "/" finds and how a chosen one is filled in.
import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../../shared/routing-model';
import { cannedQueryAt, fillCanned, searchCanned } from './canned';

const reply = (shortcut: string, title: string, text = '', locale: CannedReply['locale'] = 'en'): CannedReply => ({
  id: shortcut,
  shortcut,
  title,
  text,
  locale,
  updatedAt: 0,
});
const replies = [
  reply('mic', 'Microphone permission', 'Allow the microphone'),
  reply('rejoin', 'Rejoin the class'),
  reply('camera', 'Camera not found', 'Check the mic cable'),
];

describe('canned replies', () => {
  it('finds shortcuts first, then titles, then texts', () => {
    expect(searchCanned(replies, 'mic').map((r) => r.shortcut)).toEqual(['mic', 'camera']);
    expect(searchCanned(replies, 'class').map((r) => r.shortcut)).toEqual(['rejoin']);
    expect(searchCanned(replies, '').map((r) => r.shortcut)).toEqual(['camera', 'mic', 'rejoin']);
  });

  it('offers replies in the user’s language first', () => {
    const both = [...replies, reply('mic-zh', '麦克风权限', '请允许使用麦克风 mic', 'zh-CN')];
    expect(searchCanned(both, 'mic', 8, 'zh-CN').map((r) => r.shortcut)).toEqual(['mic-zh', 'mic', 'camera']);
    expect(searchCanned(both, 'mic', 8, 'zh-Hans').map((r) => r.shortcut)).toEqual(['mic-zh', 'mic', 'camera']);
    expect(searchCanned(both, 'mic', 8, 'en-GB').map((r) => r.shortcut)).toEqual(['mic', 'camera', 'mic-zh']);
    // Without a language from the widget, the best match comes first whatever its language.
    expect(searchCanned(both, 'mic').map((r) => r.shortcut)).toEqual(['mic', 'mic-zh', 'camera']);
  });

  it('notices a "/" query at the start or after a space, not inside a word or a URL', () => {
    expect(cannedQueryAt('/mi', 3)).toEqual({ start: 0, query: 'mi' });
    expect(cannedQueryAt('Hi Ada /rej', 11)).toEqual({ start: 7, query: 'rej' });
    expect(cannedQueryAt('see http://x/y', 14)).toBeNull();
    expect(cannedQueryAt('and/or', 6)).toBeNull();
  });

  it('fills in the user’s first name and mine', () => {
    expect(fillCanned('Hi {name}, this is {agent}.', { userName: 'Ada Lovelace', agentName: 'Lin' })).toBe('Hi Ada, this is Lin.');
  });
});
