import { describe, expect, it, vi } from 'vitest';
import { createHostEvents } from './host-events';

describe('host events', () => {
  it('calls every handler of an event with its value, and stops after off', () => {
    const hub = createHostEvents();
    const first: number[] = [];
    const second: number[] = [];
    const one = (n: number) => first.push(n);
    hub.on('unread', one);
    hub.on('unread', (n) => second.push(n));
    hub.emit('unread', 2);
    hub.off('unread', one);
    hub.emit('unread', 3);
    expect(first).toEqual([2]);
    expect(second).toEqual([2, 3]);
  });

  it('replays "ready" and the latest unread count to a handler added late, but not open, close or errors', () => {
    const hub = createHostEvents();
    hub.emit('ready');
    hub.emit('unread', 1);
    hub.emit('unread', 4);
    hub.emit('open');
    hub.emit('error', { code: 'x', message: 'y' });
    const heard: unknown[] = [];
    hub.on('ready', () => heard.push('ready'));
    hub.on('unread', (n) => heard.push(n));
    hub.on('open', () => heard.push('open'));
    hub.on('error', (e) => heard.push(e));
    expect(heard).toEqual(['ready', 4]);
  });

  it('adds the same handler once, and ignores unknown events and handlers that are not functions', () => {
    const hub = createHostEvents();
    const heard: string[] = [];
    const handler = () => heard.push('open');
    hub.on('open', handler);
    hub.on('open', handler);
    hub.on('opened' as never, handler as never);
    hub.on('close', 'alert(1)' as never);
    hub.emit('open');
    hub.emit('close');
    expect(heard).toEqual(['open']);
  });

  it('keeps calling the other handlers when one throws', () => {
    const hub = createHostEvents();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: unknown[] = [];
    hub.on('ticket:updated', () => {
      throw new Error('host bug');
    });
    hub.on('ticket:updated', (ticket) => heard.push(ticket));
    hub.emit('ticket:updated', { number: 'T-1', status: 'resolved', hasNewReply: true });
    expect(heard).toEqual([{ number: 'T-1', status: 'resolved', hasNewReply: true }]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('lets a handler remove itself while the event is being delivered', () => {
    const hub = createHostEvents();
    const heard: string[] = [];
    const once = () => {
      heard.push('once');
      hub.off('close', once);
    };
    hub.on('close', once);
    hub.on('close', () => heard.push('always'));
    hub.emit('close');
    hub.emit('close');
    expect(heard).toEqual(['once', 'always', 'always']);
  });
});
