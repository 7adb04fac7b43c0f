import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../etl/sample/seeded-random.ts';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(new SeededRandom(20200430), 5)).toEqual(draws(new SeededRandom(20200430), 5));
    expect(draws(new SeededRandom(20200430), 5)).not.toEqual(draws(new SeededRandom(20200431), 5));
  });

  it('forks streams that depend on the label only, not on what the parent drew before', () => {
    const parent = new SeededRandom(7);
    const before = draws(parent.fork('patents'), 3);
    parent.nextUint32();
    parent.nextUint32();
    expect(draws(parent.fork('patents'), 3)).toEqual(before);
    expect(draws(parent.fork('pledges'), 3)).not.toEqual(before);
  });

  it('keeps int within both bounds and reaches each of them', () => {
    const random = new SeededRandom(1);
    const values = new Set(Array.from({ length: 2_000 }, () => random.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('count() turns an expectation of 2.5 into 2 or 3, averaging 2.5', () => {
    const random = new SeededRandom(2);
    const counts = Array.from({ length: 20_000 }, () => random.count(2.5));
    expect(new Set(counts)).toEqual(new Set([2, 3]));
    const mean = counts.reduce((sum, value) => sum + value, 0) / counts.length;
    expect(Math.abs(mean - 2.5)).toBeLessThan(0.02);
  });

  it('weighted() follows the weights and never picks a zero weight', () => {
    const random = new SeededRandom(3);
    const picks = Array.from({ length: 10_000 }, () => random.weighted([{ value: 'a', weight: 3 }, { value: 'b', weight: 1 }, { value: 'c', weight: 0 }]));
    const shareA = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(Math.abs(shareA - 0.75)).toBeLessThan(0.02);
    expect(picks.includes('c')).toBe(false);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new SeededRandom(4).pick([])).toThrow(/cannot pick from an empty list/);
  });
});
