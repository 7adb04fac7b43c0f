import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../../etl/reports/format/count.ts';
import { groupedNumber, trimmedNumber } from '../../../../etl/reports/format/grouped-number.ts';
import { formatMoney, moneyScale } from '../../../../etl/reports/format/money.ts';
import { formatMonthName } from '../../../../etl/reports/format/month-name.ts';
import { formatGrowth, formatPercent } from '../../../../etl/reports/format/percent.ts';

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

  it('names months the Chinese and the English way', () => {
    expect(formatMonthName('2025-06', 'zh')).toBe('2025年6月');
    expect(formatMonthName('2025-12', 'en')).toBe('December 2025');
  });
});
