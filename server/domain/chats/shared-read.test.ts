import { describe, expect, it } from 'vitest';
import { KeyedSharedRead, SharedRead } from './shared-read';

/** A load the test finishes by hand; `value` is what the "store" holds when a load starts. */
function manualLoads() {
  let value = 0;
  const pending: { startedWith: number; finish: () => void; fail: (e: Error) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      const startedWith = value;
      pending.push({ startedWith, finish: () => resolve(startedWith), fail: reject });
    });
  return {
    load,
    pending,
    set: (v: number) => {
      value = v;
    },
  };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedRead', () => {
  it('serves every caller that came during a read with one more read, started after they asked', async () => {
    const loads = manualLoads();
    const shared = new SharedRead(loads.load);
    const first = shared.read();
    loads.set(1); // a write after the first read began
    const later = Array.from({ length: 100 }, () => shared.read());
    expect(loads.pending).toHaveLength(1);
    loads.pending[0]!.finish();
    expect(await first).toBe(0);
    await settle();
    expect(loads.pending).toHaveLength(2); // one read for all hundred
    loads.pending[1]!.finish();
    expect(await Promise.all(later)).toEqual(Array(100).fill(1)); // each sees the write made before it asked
  });

  it('starts afresh once nothing is pending', async () => {
    const loads = manualLoads();
    const shared = new SharedRead(loads.load);
    const a = shared.read();
    loads.pending[0]!.finish();
    await a;
    loads.set(2);
    const b = shared.read();
    expect(loads.pending).toHaveLength(2);
    loads.pending[1]!.finish();
    expect(await b).toBe(2);
  });

  it('a failed read fails only its own callers; the queued ones still get a fresh read', async () => {
    const loads = manualLoads();
    const shared = new SharedRead(loads.load);
    const first = shared.read();
    const second = shared.read();
    loads.pending[0]!.fail(new Error('disk'));
    await expect(first).rejects.toThrow('disk');
    await settle();
    loads.pending[1]!.finish();
    expect(await second).toBe(0);
  });
});

describe('KeyedSharedRead', () => {
  it('shares reads per key, never across keys, and keeps nothing once they are done', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const shared = new KeyedSharedRead((key: string) => {
      const n = started.push(key);
      return new Promise<string>((resolve) => finish.set(`${key}${n}`, () => resolve(`${key}@${n}`)));
    });
    const a = [shared.read('a'), shared.read('a'), shared.read('a')];
    const b = shared.read('b');
    expect(started).toEqual(['a', 'b']); // the later 'a's wait for one more read of 'a'
    finish.get('a1')!();
    finish.get('b2')!();
    expect(await b).toBe('b@2');
    await settle();
    expect(started).toEqual(['a', 'b', 'a']);
    finish.get('a3')!();
    expect(await Promise.all(a)).toEqual(['a@1', 'a@3', 'a@3']);
    await settle();
    expect(shared.pending).toBe(0);
  });
});
