// SUPPORT_ARTICLE_IMAGE_ORIGINS: which origins help-article images may come from.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';

describe('article image origins from the environment', () => {
  it('allows none by default', () => {
    expect(configFromEnv({}).articleImageOrigins).toEqual([]);
  });

  it('reads a comma-separated list and keeps only each origin', () => {
    const config = configFromEnv({ SUPPORT_ARTICLE_IMAGE_ORIGINS: ' https://cdn.example.com/img/ , http://intranet.school:8080 ' });
    expect(config.articleImageOrigins).toEqual(['https://cdn.example.com', 'http://intranet.school:8080']);
  });

  it('refuses anything that is not an http(s) origin', () => {
    expect(() => configFromEnv({ SUPPORT_ARTICLE_IMAGE_ORIGINS: 'javascript:alert(1)' })).toThrow(/not an http\(s\) origin/);
    expect(() => configFromEnv({ SUPPORT_ARTICLE_IMAGE_ORIGINS: 'cdn.example.com' })).toThrow(/not an http\(s\) origin/);
  });
});
