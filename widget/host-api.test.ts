import { describe, expect, it, vi } from 'vitest';
import { installHostApi, type HostApi } from './host-api';

function recordingApi() {
  const calls: unknown[][] = [];
  const api: HostApi = {
    init: (options) => calls.push(['init', options]),
    open: () => calls.push(['open']),
    close: () => calls.push(['close']),
    setContext: (context) => calls.push(['setContext', context]),
    on: (event, handler) => calls.push(['on', event, typeof handler]),
    off: (event) => calls.push(['off', event]),
    reportQuality: (report) => calls.push(['reportQuality', report]),
    setLocale: (locale) => calls.push(['setLocale', locale]),
  };
  return { api, calls };
}

describe('installHostApi', () => {
  it('replays the calls queued by the stub, in order, then serves calls directly', () => {
    const { api, calls } = recordingApi();
    const stub = {
      _q: [
        ['setContext', [{ classroomId: 'a' }]],
        ['init', [{ appKey: 'k' }]],
        ['open', []],
      ],
    };
    const win: { ClassroomSupport?: Partial<HostApi> } = { ClassroomSupport: stub as never };
    installHostApi(win, api, null);
    win.ClassroomSupport?.close?.();
    expect(calls).toEqual([['setContext', { classroomId: 'a' }], ['init', { appKey: 'k' }], ['open'], ['close']]);
    expect(win.ClassroomSupport).toBe(stub);
  });

  it('auto-inits from the script tag only when no init was queued', () => {
    const fromTag = { appKey: 'tag' };
    const withoutInit = recordingApi();
    installHostApi({ ClassroomSupport: { _q: [['open', []]] } as never }, withoutInit.api, fromTag);
    expect(withoutInit.calls).toEqual([['init', fromTag], ['open']]);

    const withInit = recordingApi();
    installHostApi({ ClassroomSupport: { _q: [['init', [{ appKey: 'js' }]]] } as never }, withInit.api, fromTag);
    expect(withInit.calls).toEqual([['init', { appKey: 'js' }]]);
  });

  it('works without any stub on the page', () => {
    const { api, calls } = recordingApi();
    const win: { ClassroomSupport?: Partial<HostApi> } = {};
    installHostApi(win, api, null);
    win.ClassroomSupport?.open?.();
    expect(calls).toEqual([['open']]);
  });

  it('runs at once what old stub methods push after load, and ignores unknown methods', () => {
    const { api, calls } = recordingApi();
    const stub = { _q: [] as unknown[] };
    const win = { ClassroomSupport: stub as never };
    installHostApi(win, api, null);
    (stub._q as unknown as { push(call: unknown): void }).push(['open', []]);
    (stub._q as unknown as { push(call: unknown): void }).push(['constructor', []]);
    expect(calls).toEqual([['open']]);
  });

  it('keeps going when one queued call throws', () => {
    const { api, calls } = recordingApi();
    api.setContext = () => {
      throw new Error('bad');
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    installHostApi(
      {
        ClassroomSupport: {
          _q: [
            ['setContext', [{}]],
            ['open', []],
          ],
        } as never,
      },
      api,
      null,
    );
    expect(calls).toEqual([['open']]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('does nothing when a second copy of the bundle loads', () => {
    const first = recordingApi();
    const second = recordingApi();
    const win: { ClassroomSupport?: Partial<HostApi> } = {};
    installHostApi(win, first.api, null);
    installHostApi(win, second.api, { appKey: 'again' });
    win.ClassroomSupport?.open?.();
    expect(first.calls).toEqual([['open']]);
    expect(second.calls).toEqual([]);
  });

  it('attaches queued handlers before anything runs, even before an auto-init from the tag', () => {
    const { api, calls } = recordingApi();
    const stub = {
      _q: [
        ['open', []],
        ['on', ['error', () => {}]],
        ['reportQuality', [{ rttMs: 80 }]],
        ['off', ['error', () => {}]],
      ],
    };
    installHostApi({ ClassroomSupport: stub as never }, api, { appKey: 'tag' });
    expect(calls).toEqual([['on', 'error', 'function'], ['off', 'error'], ['init', { appKey: 'tag' }], ['open'], ['reportQuality', { rttMs: 80 }]]);
  });

  it("returns the object the page uses: the first copy's, when a second copy loads", () => {
    const win: { ClassroomSupport?: Partial<HostApi> } = {};
    const installed = installHostApi(win, recordingApi().api, null);
    expect(installed).toBe(win.ClassroomSupport);
    expect(installHostApi(win, recordingApi().api, null)).toBe(installed);
  });
});
