// The review's line diff: unchanged lines kept, each change shown once as removed and/or added.
import { describe, expect, it } from 'vitest';
import { lineDiff, type DiffLine } from './line-diff';

const show = (lines: DiffLine[]) => lines.map((l) => `${{ same: ' ', removed: '-', added: '+' }[l.kind]}${l.text}`);

describe('line diff', () => {
  it('shows an added line between unchanged ones', () => {
    expect(show(lineDiff('a\nb\nc', 'a\nb\nnew\nc'))).toEqual([' a', ' b', '+new', ' c']);
  });

  it('shows a changed line as removed then added, and keeps what moved around it', () => {
    expect(show(lineDiff('one\ntwo\nthree\nfour', 'one\n2\nthree\nfour\nfive'))).toEqual([' one', '-two', '+2', ' three', ' four', '+five']);
  });

  it('rebuilds both texts exactly', () => {
    const before = '# Title\n\n1. Open settings\n2. Choose the mic\n3. Test it\n\nDone.';
    const after = '# Title\n\n1. Open **Settings**\n2. Choose the mic\n\nStill nothing? Restart.\nDone.\n';
    const lines = lineDiff(before, after);
    expect(
      lines
        .filter((l) => l.kind !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(before);
    expect(
      lines
        .filter((l) => l.kind !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(after);
  });

  it('says nothing changed for equal texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
  });
});
