import { beforeEach, describe, expect, it } from 'vitest';
import { $conversation } from './conversation';
import { conversation } from './fake-wire';
import { $connection, $connectionError, connectionLost, connectionRefused } from './session';
import { $status } from './status';

beforeEach(() => {
  $connection.set('online');
  $connectionError.set(null);
  $conversation.set(null);
});

describe('$status', () => {
  it('tells a queued visitor their place', () => {
    $conversation.set(conversation({ status: 'queued', queuePosition: 3 }));
    expect($status.get()).toBe('Waiting for an agent… You are number 3 in the queue.');
  });

  it('names the agent of an active chat', () => {
    $conversation.set(conversation({ status: 'active', agentName: 'Ada' }));
    expect($status.get()).toBe('You are chatting with Ada');
  });

  it('says when the chat has ended', () => {
    $conversation.set(conversation({ status: 'closed' }));
    expect($status.get()).toBe('This chat has ended.');
  });

  it('says "Reconnecting…" after losing an established connection, however many retries fail', () => {
    connectionLost();
    connectionLost();
    expect($status.get()).toBe('Reconnecting…');
  });

  it('says "Connecting…" until the first session arrives', () => {
    $connection.set('connecting');
    connectionLost();
    expect($status.get()).toBe('Connecting…');
  });

  it('shows why the server refused the connection, and keeps it over later network noise', () => {
    connectionRefused('Unknown app key', 'unauthorized');
    connectionLost();
    expect($status.get()).toBe('Unknown app key');
  });
});
