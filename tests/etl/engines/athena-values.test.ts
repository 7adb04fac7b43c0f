/** Athena's text values → the engine-neutral values DuckDB gives (query-engine.ts). */
import { describe, expect, it } from 'vitest';
import { athenaLiteral, athenaStatement } from '../../../etl/engines/athena-parameters.ts';
import { backoffDelay, isThrottling } from '../../../etl/engines/athena-backoff.ts';
import { deduplicatedNames, typedColumn } from '../../../etl/engines/athena-values.ts';

const convert = (type: string, text: string, precision?: number, scale?: number) => typedColumn({ Name: 'c', Type: type, Precision: precision, Scale: scale }, 'c').convert(text, 'c');

describe('typedColumn', () => {
  it('gives DECIMAL exactly the column scale, as DuckDB prints it', () => {
    expect(convert('decimal', '12.5', 18, 2)).toBe('12.50');
    expect(convert('decimal', '12', 18, 4)).toBe('12.0000');
    expect(convert('decimal', '-0.00', 18, 2)).toBe('0.00');
    expect(convert('decimal', '-3.10', 18, 2)).toBe('-3.10');
    expect(convert('decimal', '7', 38, 0)).toBe('7');
    expect(() => convert('decimal', '1.234', 18, 2)).toThrow('column "c": Athena returned "1.234", expected a decimal with at most 2 fraction digits');
  });

  it('reads timestamps as DuckDB prints them and instants as ISO-8601 UTC', () => {
    expect(convert('timestamp', '2025-07-05 10:00:00.000')).toBe('2025-07-05T10:00:00');
    expect(convert('timestamp', '2025-07-05 10:00:00.120')).toBe('2025-07-05T10:00:00.12');
    expect(convert('timestamp with time zone', '2025-07-05 10:00:00.000 UTC')).toBe('2025-07-05T10:00:00.000Z');
    expect(convert('timestamp with time zone', '2025-07-05 18:00:00.000 +08:00')).toBe('2025-07-05T10:00:00.000Z');
  });

  it('types names like DuckDB and refuses what it cannot return', () => {
    expect(typedColumn({ Name: 'x', Type: 'decimal', Precision: 18, Scale: 2 }, 'x').info).toEqual({ name: 'x', type: 'DECIMAL(18,2)' });
    expect(typedColumn({ Name: 'x', Type: 'varchar' }, 'x').info).toEqual({ name: 'x', type: 'VARCHAR' });
    expect(convert('boolean', 'true')).toBe(true);
    expect(convert('integer', '-42')).toBe(-42);
    expect(convert('double', 'NaN')).toBeNaN();
    expect(() => convert('boolean', 'yes')).toThrow('column "c": Athena returned "yes", expected true or false');
    expect(() => typedColumn({ Name: 'm', Type: 'map' }, 'm')).toThrow('column "m" has type map, which the query engine cannot return');
  });

  it('deduplicates column names as DuckDB does', () => {
    expect(deduplicatedNames(['a', 'a', 'b', 'a'])).toEqual(['a', 'a_1', 'b', 'a_2']);
  });
});

describe('athenaStatement', () => {
  it('binds every occurrence in order and leaves :x inside literals and comments alone', () => {
    expect(athenaStatement("select ':x' as s, :x as a -- :x\n, :y as b, :x as c", { x: "it's", y: 3 })).toEqual({
      sql: "select ':x' as s, ? as a -- :x\n, ? as b, ? as c",
      executionParameters: ["'it''s'", '3', "'it''s'"],
    });
  });

  it('writes numbers as DuckDB binds them and refuses non-finite ones', () => {
    expect(athenaLiteral('n', 2 ** 40)).toBe('1099511627776');
    expect(athenaLiteral('n', 0.1)).toBe("DOUBLE '0.1'");
    expect(() => athenaLiteral('n', Infinity)).toThrow('parameter :n is Infinity; a SQL number must be finite');
  });
});

describe('backoff', () => {
  it('doubles from the initial delay up to the cap, half of it jittered', () => {
    const settings = { initialMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(settings, attempt, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect(backoffDelay(settings, 3, () => 1)).toBe(800);
  });

  it('recognises throttling by name or by the SDK retry flag', () => {
    expect(isThrottling(Object.assign(new Error('x'), { name: 'TooManyRequestsException' }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'SlowDown', $retryable: { throttling: true } }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'InvalidRequestException' }))).toBe(false);
  });
});
