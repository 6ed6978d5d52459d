import { describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/limits';
import { buildContext, parseUserAgent } from './context';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

describe('parseUserAgent', () => {
  it.each([
    [UA.chromeWindows, 'Chrome 120', 'Windows'],
    [UA.edgeWindows, 'Edge 120', 'Windows'],
    [UA.firefoxLinux, 'Firefox 121', 'Linux'],
    [UA.safariMac, 'Safari 17.2', 'macOS'],
    [UA.safariIphone, 'Safari 17.1', 'iOS 17.1'],
    [UA.chromeIphone, 'Chrome 120', 'iOS 17.1'],
    [UA.chromeAndroid, 'Chrome 120', 'Android 14'],
    [UA.chromebook, 'Chrome 120', 'ChromeOS'],
  ])('reads %s', (ua, browser, os) => {
    expect(parseUserAgent(ua)).toEqual({ browser, os });
  });

  it('leaves out what it does not recognise', () => {
    expect(parseUserAgent('curl/8.4.0')).toEqual({ browser: undefined, os: undefined });
  });
});

describe('buildContext', () => {
  const env = { browser: 'Chrome 120', os: 'Windows', pageUrl: 'https://class.example/room/7', sdkVersion: '0.1.0' };

  it('puts known host fields in place and everything else in extra', () => {
    const context = buildContext({ classroomId: 'room-7', role: 'teacher', hostApp: 'LiveClass', lesson: 'Algebra', muted: true }, env);
    expect(context).toEqual({ ...env, classroomId: 'room-7', role: 'teacher', hostApp: 'LiveClass', extra: { lesson: 'Algebra', muted: true } });
  });

  it('drops what the server would refuse instead of failing the whole conversation', () => {
    // What a careless host page might pass from plain JavaScript.
    const untrusted: Record<string, unknown> = { role: 'parent', rtt: Number.NaN, nested: { a: 1 }, blank: '  ', ['k'.repeat(65)]: 'x' };
    const context = buildContext(untrusted, env);
    expect(context).toEqual(env);
  });

  it('passes a running live class and the measured network quality, and drops bad measures', () => {
    // As a host page might pass them from plain JavaScript.
    const reported: Record<string, unknown> = { liveClass: true, network: { rttMs: 240, packetLossPct: 3.5, jitterMs: -1, bandwidth: 9 } };
    expect(buildContext(reported, env)).toEqual({ ...env, liveClass: true, network: { rttMs: 240, packetLossPct: 3.5 } });
    const wrong: Record<string, unknown> = { liveClass: 'yes', network: 'bad' };
    expect(buildContext(wrong, env)).toEqual(env);
  });

  it('trims values and caps the number of extra fields', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i]));
    const context = buildContext({ classroomId: ` ${'r'.repeat(600)} `, ...many }, env);
    expect(context.classroomId).toHaveLength(LIMITS.contextValue);
    expect(Object.keys(context.extra ?? {})).toHaveLength(LIMITS.contextExtraKeys);
  });
});
