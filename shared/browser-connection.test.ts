import { describe, expect, it } from 'vitest';
import { splitBrowserConnection } from './browser-connection';

describe('the browser connection in a context', () => {
  it('takes the widget’s keys out of the host’s fields', () => {
    expect(splitBrowserConnection({ lesson: 'Waves', connectionType: '4g', downlinkMbps: 1.35, browserRttMs: 150 })).toEqual({
      connection: { type: '4g', downlinkMbps: 1.35, rttMs: 150 },
      hostFields: [['lesson', 'Waves']],
    });
  });

  it('leaves every field to the host when the browser reported no connection type, or a malformed one', () => {
    expect(splitBrowserConnection(undefined)).toEqual({ connection: null, hostFields: [] });
    expect(splitBrowserConnection({ downlinkMbps: 2, lesson: 'Waves' })).toEqual({
      connection: null,
      hostFields: [
        ['downlinkMbps', 2],
        ['lesson', 'Waves'],
      ],
    });
    expect(splitBrowserConnection({ connectionType: 4 })).toEqual({ connection: null, hostFields: [['connectionType', 4]] });
  });

  it('keeps only numeric speeds', () => {
    expect(splitBrowserConnection({ connectionType: '3g', downlinkMbps: 'fast' }).connection).toEqual({ type: '3g' });
  });
});
