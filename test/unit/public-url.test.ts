// SUPPORT_PUBLIC_URL: an http(s) origin users reach the server at, checked at start-up.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';

describe('SUPPORT_PUBLIC_URL', () => {
  it('is reduced to its origin', () => {
    expect(configFromEnv({ SUPPORT_PUBLIC_URL: 'https://Support.School.example/' }).publicUrl).toBe('https://support.school.example');
    expect(configFromEnv({ SUPPORT_PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
    expect(configFromEnv({ SUPPORT_PUBLIC_URL: 'https://support.example:443' }).publicUrl).toBe('https://support.example');
    expect(configFromEnv({}).publicUrl).toBeUndefined();
  });

  it.each([
    'support.example',
    'ftp://support.example',
    'https://support.example/console',
    'https://support.example/?x=1',
    'https://user:pw@support.example',
    'https://support.example/#top',
  ])('refuses %s at start-up', (value) => {
    expect(() => configFromEnv({ SUPPORT_PUBLIC_URL: value })).toThrow(/SUPPORT_PUBLIC_URL must be an http\(s\) origin/);
  });

  it('reads SUPPORT_EXAMPLES as loopback-only by default, everyone with 1, off with 0', () => {
    expect(configFromEnv({})).toMatchObject({ examples: true, examplesForEveryone: false });
    expect(configFromEnv({ SUPPORT_EXAMPLES: '1' })).toMatchObject({ examples: true, examplesForEveryone: true });
    expect(configFromEnv({ SUPPORT_EXAMPLES: '0' })).toMatchObject({ examples: false, examplesForEveryone: false });
  });
});
