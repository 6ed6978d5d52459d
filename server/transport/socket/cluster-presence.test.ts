// What a node knows of the visitors online on the other nodes, from their reports.
import { describe, expect, it } from 'vitest';
import { RemotePresence } from './cluster-presence';

describe('RemotePresence', () => {
  it('adds and removes visitors as a node reports its changes', () => {
    const remote = new RemotePresence();
    remote.apply({ node: 'a', online: ['ada', 'bo'], offline: [], full: false }, 1_000);
    remote.apply({ node: 'a', online: [], offline: ['bo'], full: false }, 2_000);
    expect(remote.has('ada')).toBe(true);
    expect(remote.has('bo')).toBe(false);
  });

  it('replaces what it knew of a node with a full report', () => {
    const remote = new RemotePresence();
    remote.apply({ node: 'a', online: ['ada'], offline: [], full: false }, 1_000);
    remote.apply({ node: 'a', online: ['cy'], offline: [], full: true }, 2_000);
    expect(remote.has('ada')).toBe(false);
    expect(remote.has('cy')).toBe(true);
  });

  it('drops a silent node and names only its visitors no other node has', () => {
    const remote = new RemotePresence();
    remote.apply({ node: 'a', online: ['ada', 'bo'], offline: [], full: true }, 1_000);
    remote.apply({ node: 'b', online: ['bo'], offline: [], full: true }, 5_000);
    expect(remote.dropSilent(3_000)).toEqual(['ada']);
    expect(remote.has('ada')).toBe(false);
    expect(remote.has('bo')).toBe(true);
    // A heartbeat (an empty change) keeps a node alive.
    remote.apply({ node: 'b', online: [], offline: [], full: false }, 9_000);
    expect(remote.dropSilent(8_000)).toEqual([]);
    expect(remote.has('bo')).toBe(true);
  });
});
