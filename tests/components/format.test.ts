// Value formatting shared by the components. Expected strings are what d3-format / d3-time-format
// write for the same specifiers (vega draws axes with those), so text and charts agree.
import { expect } from '@open-wc/testing';
import { formatNumber, formatTime, formatValue, granularityOf, MISSING_VALUE } from '../../components/shared/format.js';
import type { ResultColumn } from '../../src/contracts/result.js';

const column = (c: Partial<ResultColumn> & Pick<ResultColumn, 'name' | 'type'>): ResultColumn => ({ label: c.name, role: 'measure', ...c });

describe('format', () => {
  it('formats numbers like d3-format for the specifiers data models use', () => {
    const cases: Array<[string, number, string]> = [
      ['$,.2f', 1234567.891, '$1,234,567.89'],
      ['$,.2f', -0.5, '−$0.50'],
      ['$,.2f', 0.123456, '$0.12'],
      [',d', 1234567.891, '1,234,568'],
      [',d', 0.123456, '0'],
      ['.1%', 0.123456, '12.3%'],
      ['.1%', -0.5, '−50.0%'],
      [',.2~f', 1234567.891, '1,234,567.89'],
      [',.2~f', -0.5, '−0.5'],
      ['+,.1f', 1234567.891, '+1,234,567.9'],
      ['+,.1f', -0.5, '−0.5'],
      ['($,.2f', -0.5, '($0.50)'],
      ['($,.2f', 1234567.891, '$1,234,567.89'],
      [',~r', 1234567.891, '1,234,570'],
      [',~r', 0.123456, '0.123456'],
      ['.2e', 1234567.891, '1.23e+6'],
      ['.2e', -0.5, '−5.00e-1'],
    ];
    for (const [spec, value, expected] of cases) expect(formatNumber(value, spec), `${spec} of ${value}`).to.equal(expected);
    // SI prefixes for large magnitudes (axis labels).
    expect(formatNumber(1_234_567, '$.3~s')).to.equal('$1.23M');
    expect(formatNumber(45_000, '.3~s')).to.equal('45K');
  });

  it('formats instants in UTC like d3-time-format', () => {
    const d = new Date(Date.UTC(2024, 2, 5, 7, 8, 9, 10));
    expect(formatTime(d, '%Y-%m-%d %H:%M:%S.%L')).to.equal('2024-03-05 07:08:09.010');
    expect(formatTime(d, '%b %-d, %Y')).to.equal('Mar 5, 2024');
    expect(formatTime(d, '%B %e %a %A %j')).to.equal('March  5 Tue Tuesday 065');
    expect(formatTime(d, 'Q%q %y, %I %p')).to.equal('Q1 24, 07 AM');
  });

  it('formats result values by column type, format and granularity', () => {
    const month = column({ name: 'transactions.ts.month', type: 'date', role: 'time' });
    expect(granularityOf(month)).to.equal('month');
    expect(formatValue('2024-03-01', month)).to.equal('Mar 2024');
    expect(formatValue('2024-04-01', column({ name: 'transactions.ts.quarter', type: 'date', role: 'time' }))).to.equal('Q2 2024');
    expect(formatValue('2024-03-04', column({ name: 'transactions.ts.week', type: 'date', role: 'time' }))).to.equal('Week of Mar 4, 2024');
    expect(formatValue('2024-03-04', column({ name: 'customers.signup_date', type: 'date', role: 'time', format: '%Y-%m-%d' }))).to.equal('2024-03-04');
    expect(formatValue('2024-03-04T10:15:00.000Z', column({ name: 'transactions.ts', type: 'timestamp', role: 'time' }))).to.equal('2024-03-04 10:15 UTC');
    expect(formatValue(1234.5, column({ name: 'transactions.revenue', type: 'number', format: '$,.2f' }))).to.equal('$1,234.50');
    expect(formatValue(1234.5, column({ name: 'x.n', type: 'number' }))).to.equal('1,234.5');
    expect(formatValue(98765, column({ name: 'transactions.count', type: 'integer' }))).to.equal('98,765');
    expect(formatValue(true, column({ name: 'dates.is_weekend', type: 'boolean', role: 'dimension' }))).to.equal('Yes');
    expect(formatValue(null, column({ name: 'customers.country', type: 'string', role: 'dimension' }))).to.equal(MISSING_VALUE);
    expect(formatValue('web', column({ name: 'transactions.channel', type: 'string', role: 'dimension' }))).to.equal('web');
  });
});
