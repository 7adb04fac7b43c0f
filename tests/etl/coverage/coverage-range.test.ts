import { describe, expect, it } from 'vitest';
import { CoverageDeclarationError } from '../../../etl/coverage/coverage-declaration-error.ts';
import { formatMonthRange, parseMonthRange, readMonthRange } from '../../../etl/coverage/coverage-range.ts';

describe('parseMonthRange: FROM..TO', () => {
  it('reads both months, a single month and a range across years', () => {
    expect(parseMonthRange('2019-01..2025-03', '--covers')).toEqual({ first: '2019-01', last: '2025-03' });
    expect(parseMonthRange('2025-06..2025-06', '--covers')).toEqual({ first: '2025-06', last: '2025-06' });
    expect(parseMonthRange('2024-12..2025-01', '--covers')).toEqual({ first: '2024-12', last: '2025-01' });
  });

  it.each(['2019-1..2025-03', '2019-01..2025-13', '2019-00..2025-03', '2019-01-2025-03', '2019-01...2025-03', ' 2019-01..2025-03', '2019-01..', '..2025-03', ''])(
    'refuses %j, naming it and the expected form',
    (text) => {
      expect(() => parseMonthRange(text, '--covers')).toThrow(new CoverageDeclarationError(`--covers '${text}' is not a month range FROM..TO such as 2019-01..2025-03`));
    },
  );

  it('refuses FROM after TO', () => {
    expect(() => parseMonthRange('2025-03..2019-01', '--covers')).toThrow(new CoverageDeclarationError("--covers '2025-03..2019-01': FROM is after TO"));
  });

  it('throws a CoverageDeclarationError', () => {
    expect(() => parseMonthRange('x', 'S3 metadata ipstats-covers')).toThrow(CoverageDeclarationError);
  });
});

describe('readMonthRange', () => {
  it('accepts FROM.. only when open ranges are allowed', () => {
    expect(readMonthRange('2019-01..', { openEnded: true })).toEqual({ ok: true, range: { first: '2019-01', last: null } });
    expect(readMonthRange('2019-01..2025-03', { openEnded: true })).toEqual({ ok: true, range: { first: '2019-01', last: '2025-03' } });
    expect(readMonthRange('2019-01..', { openEnded: false })).toEqual({ ok: false, kind: 'syntax', problem: 'is not a month range FROM..TO such as 2019-01..2025-03' });
  });

  it('names both forms when open ranges are allowed', () => {
    expect(readMonthRange('2019-1..', { openEnded: true })).toEqual({
      ok: false,
      kind: 'syntax',
      problem: 'is not a month range FROM..TO or FROM.. such as 2019-01..2025-03 or 2019-01..',
    });
    expect(readMonthRange('2025-04..2025-03', { openEnded: true })).toEqual({ ok: false, kind: 'order', problem: 'FROM is after TO' });
  });
});

describe('formatMonthRange', () => {
  it('writes closed and open ranges', () => {
    expect(formatMonthRange({ first: '2019-01', last: '2025-03' })).toBe('2019-01..2025-03');
    expect(formatMonthRange({ first: '2019-01', last: null })).toBe('2019-01..');
  });
});
