import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useLocalTexts } from '../i18n/local-texts';
import { $conversation } from './conversation';
import { conversation } from './fake-wire';
import { $connection, $connectionError, connectionLost, connectionRefused } from './session';
import { $status } from './status';

beforeAll(() => useLocalTexts('en'));

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
    connectionRefused('Unknown app key', 'unknown_app_key');
    connectionLost();
    expect($status.get()).toBe('Support chat is not set up for this page.');
  });

  it('words a refusal plainly in English too, never in the developer words the server sent', () => {
    connectionRefused('Origin http://evil.test may not embed this widget', 'origin_not_allowed');
    expect($status.get()).toBe('Support chat is not set up for this page.');
    connectionRefused('Something odd', 'bad_request');
    expect($status.get()).toBe('Something went wrong. Try again in a moment.');
  });
});

describe('$status in Chinese', () => {
  beforeAll(() => useLocalTexts('zh-CN'));
  afterAll(() => useLocalTexts('en'));

  it('tells the place in the queue and the agent in Chinese', () => {
    $conversation.set(conversation({ status: 'queued', queuePosition: 3 }));
    expect($status.get()).toBe('正在等待客服人员… 您排在第 3 位。');
    $conversation.set(conversation({ status: 'active', agentName: 'Li Wei' }));
    expect($status.get()).toBe('您正在与 Li Wei 聊天');
  });

  it("words a refusal by its code, not in the server's English", () => {
    connectionRefused('Unknown app key', 'unknown_app_key');
    expect($status.get()).toBe('此页面尚未开通客服聊天。');
    connectionRefused('Something odd', 'bad_request');
    expect($status.get()).toBe('出了点问题。请稍后再试。');
  });
});
