/**
 * Generated decimal numbers for the SQL twin property tests, shaped like the accepted ones and
 * concentrated where the twins could go wrong: the DECIMAL(18, s) and INTEGER bounds (runs of
 * nines), rounding at the dropped digit (…5, …4, …95), leading zeros, grouping, signs.
 */
import fc from 'fast-check';

const BOUNDARY_INTEGERS = [
  '0', '00', '1', '45', '46', '1899', '1900', '2100', '2101', '2147483647', '2147483648', '9007199254740993',
  '9'.repeat(12), '1' + '0'.repeat(12), '9'.repeat(14), '1' + '0'.repeat(14), '9'.repeat(16), '1' + '0'.repeat(16), '9'.repeat(18), '0'.repeat(30) + '7',
];

const integerDigits = fc.oneof(fc.constantFrom(...BOUNDARY_INTEGERS), fc.stringMatching(/^[0-9]{1,20}$/));

const fractionDigits = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[0-9]{1,8}$/),
  fc.constantFrom('5', '4', '9', '99', '995', '994', '9999', '99995', '99994', '999999', '9999995', '9999994', '00005', '0000005'),
);

/** Groups integer digits by commas in threes (1234567 → 1,234,567). */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fullWidth(text: string): string {
  return text.replace(/[0-9,.+-]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

export const decimalText: fc.Arbitrary<string> = fc
  .record({
    sign: fc.constantFrom('', '', '-', '+'),
    integer: integerDigits,
    fraction: fractionDigits,
    group: fc.boolean(),
    wide: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ sign, integer, fraction, group, wide }) => {
    const text = `${sign}${group ? grouped(integer) : integer}${fraction === '' ? '' : `.${fraction}`}`;
    return wide === 0 ? fullWidth(text) : text;
  });
