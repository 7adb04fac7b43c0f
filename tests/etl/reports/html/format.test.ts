import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../../etl/reports/format/count.ts';
import { groupedNumber, trimmedNumber } from '../../../../etl/reports/format/grouped-number.ts';
import { formatMoney, moneyScale } from '../../../../etl/reports/format/money.ts';
import { formatMonthName } from '../../../../etl/reports/format/month-name.ts';
import { formatGrowth, formatPercent, formatShareOf, formatTrimmedPercent } from '../../../../etl/reports/format/percent.ts';

describe('Chinese number formatting', () => {
  it('groups thousands and keeps a fixed number of decimals', () => {
    expect(groupedNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(groupedNumber(999, 0)).toBe('999');
    expect(groupedNumber(-1234.5, 1)).toBe('-1,234.5');
    expect(groupedNumber(-0.001, 2)).toBe('0.00');
    expect(trimmedNumber(2.5, 2)).toBe('2.5');
    expect(trimmedNumber(3000, 2)).toBe('3,000');
  });

  it('shows money in 亿元 from one hundred million, 万元 from ten thousand, 元 below', () => {
    expect(formatMoney(883040000, 'zh')).toBe('8.83 亿元');
    expect(formatMoney(68197753, 'zh')).toBe('6,819.78 万元');
    expect(formatMoney(10000, 'zh')).toBe('1.00 万元');
    expect(formatMoney(9999.5, 'zh')).toBe('9,999.50 元');
    expect(formatMoney(0, 'zh')).toBe('0.00 元');
    expect(formatMoney(null, 'zh')).toBe('—');
    expect(moneyScale(123456789.5, 'zh')).toEqual({ divisor: 100000000, unit: '亿元' });
  });

  it('shows money in CNY millions and billions in English', () => {
    expect(formatMoney(883040000, 'en')).toBe('CNY m 883.04');
    expect(formatMoney(1234567890, 'en')).toBe('CNY bn 1.23');
    expect(formatMoney(45678.9, 'en')).toBe('CNY 45,678.90');
  });

  it('prints counts with separators, ratios as percentages and growth with its sign', () => {
    expect(formatCount(1237)).toBe('1,237');
    expect(formatCount(null)).toBe('—');
    expect(formatPercent(0.157258)).toBe('15.7%');
    expect(formatPercent(0.1234, 2)).toBe('12.34%');
    expect(formatGrowth(0.157258)).toBe('+15.7%');
    expect(formatGrowth(-0.285714)).toBe('-28.6%');
    expect(formatGrowth(0.00001)).toBe('0.0%');
    expect(formatGrowth(136.444444)).toBe('+13,644.4%');
    expect(formatGrowth(null)).toBe('—');
  });

  it('rounds half away from zero on the exact decimal, not on a double (issue 9 §3)', () => {
    expect(groupedNumber(1.005, 2)).toBe('1.01');
    expect(groupedNumber(2.675, 2)).toBe('2.68');
    expect(groupedNumber(-2.675, 2)).toBe('-2.68');
    expect(groupedNumber('99999999999999.99', 2)).toBe('99,999,999,999,999.99');
    expect(groupedNumber('-1234567.895', 2)).toBe('-1,234,567.90');
    expect(trimmedNumber('1.005', 2)).toBe('1.01');
    expect(formatPercent(-0.1234565, 2)).toBe('-12.35%');
    expect(formatPercent(0.0125)).toBe('1.3%');
    expect(formatPercent(0.1235)).toBe('12.4%'); // 0.1235 * 100 is 12.3499…, which toFixed(1) made 12.3
    expect(formatPercent(0.145, 0)).toBe('15%'); // 0.145 * 100 is 14.4999…
    expect(formatPercent(-0.00005, 2)).toBe('-0.01%');
    expect(formatPercent(-0.00004, 2)).toBe('0.00%');
    expect(formatPercent('0.1234565', 5)).toBe('12.34565%');
    expect(formatGrowth(-0.0004)).toBe('0.0%');
    expect(formatGrowth(0.0005)).toBe('+0.1%');
    expect(formatGrowth(-0.0005)).toBe('-0.1%');
    expect(formatGrowth(0)).toBe('0.0%');
    expect(formatGrowth('0.1235')).toBe('+12.4%');
  });

  it('prints large sums in 亿元 exactly', () => {
    expect(formatMoney(123456789012.35, 'zh')).toBe('1,234.57 亿元');
    expect(formatMoney('123456789012.35', 'en')).toBe('CNY bn 123.46');
    expect(formatMoney('99999999999999.99', 'zh')).toBe('1,000,000.00 亿元');
    expect(formatMoney('-100500000', 'zh')).toBe('-1.01 亿元'); // -1.005 亿元
    expect(formatMoney(100500000, 'zh')).toBe('1.01 亿元');
    expect(moneyScale('99999999.99', 'zh')).toEqual({ divisor: 10000, unit: '万元' });
    expect(moneyScale(-100000000, 'zh')).toEqual({ divisor: 100000000, unit: '亿元' });
  });

  it('divides rejected by read rows exactly, rounding once', () => {
    expect(formatShareOf(3, 43, 2)).toBe('6.98%');
    expect(formatShareOf(1, 800, 2)).toBe('0.13%'); // 0.125 % exactly: half away from zero
    expect(formatShareOf(1, 8000, 2)).toBe('0.01%'); // 0.0125 %
    expect(formatShareOf(1, 20001, 2)).toBe('0.00%');
    expect(formatShareOf(0, 0, 2)).toBe('—');
    // Just below 0.145 %: the double quotient is 0.00145 itself, so only the exact division rounds down.
    expect(11_600_000_000_000 / 8_000_000_000_000_001).toBe(0.00145);
    expect(formatShareOf(11_600_000_000_000, 8_000_000_000_000_001, 2)).toBe('0.14%');
  });

  it('prints configured rates without trailing zeros', () => {
    expect(formatTrimmedPercent(0.2, 2)).toBe('20%');
    expect(formatTrimmedPercent(0.0125, 2)).toBe('1.25%');
    expect(formatTrimmedPercent(0.145, 2)).toBe('14.5%');
    expect(formatTrimmedPercent(0.00125, 2)).toBe('0.13%');
  });

  it('names months the Chinese and the English way', () => {
    expect(formatMonthName('2025-06', 'zh')).toBe('2025年6月');
    expect(formatMonthName('2025-12', 'en')).toBe('December 2025');
  });
});
