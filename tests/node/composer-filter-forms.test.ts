// The filter dialog's forms as data: the forms an attribute takes, how a form is filled from a
// filter, what stops it from being applied (by field, in order), and the filter it stands for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dateFormFields,
  emptyFilterForm,
  filterFormFor,
  filterFormMember,
  filterFormProblems,
  filterFromForm,
  filterKindsFor,
  isChosenValue,
  isIsoDate,
  parseBound,
  tableAttributes,
  toggleValue,
  withoutValue,
  type ComposerFilter,
  type FilterForm,
} from '../../src/composer/index.js';
import { clvDataModel } from '../../src/model/clv-model.js';

const attribute = (key: string) => {
  const a = tableAttributes(clvDataModel, 'transactions').find((x) => x.key === key);
  assert.ok(a, `no attribute ${key}`);
  return a;
};
const form = (kind: FilterForm['kind'], change: Partial<FilterForm> = {}): FilterForm => ({ ...emptyFilterForm(kind), ...change });

describe('filterKindsFor', () => {
  it('offers the forms that fit the attribute', () => {
    assert.deepEqual(filterKindsFor(attribute('transactions.channel')), ['values']);
    assert.deepEqual(filterKindsFor(attribute('dates.month')), ['values'], 'an integer code is chosen by value');
    assert.deepEqual(filterKindsFor(attribute('transactions.amount')), ['values', 'range']);
    assert.deepEqual(filterKindsFor(attribute('transactions.ts')), ['date']);
    assert.deepEqual(filterKindsFor(attribute('transactions.revenue')), ['range']);
    assert.deepEqual(filterKindsFor({ kind: 'measure', type: 'string', fieldType: 'nominal' }), [], 'a text measure has no form');
  });
});

describe('filterFormFor', () => {
  it('starts a new filter on a range for amounts, else on the first form', () => {
    assert.equal(filterFormFor(['values', 'range']).kind, 'range');
    assert.equal(filterFormFor(['date']).kind, 'date');
    assert.equal(filterFormFor([]).kind, 'values');
    const fresh = filterFormFor(['date']);
    assert.equal(fresh.dateMode, 'between');
    assert.equal(fresh.lastN, '30');
    assert.equal(fresh.lastUnit, 'days');
    assert.equal(fresh.period, 'this month');
  });

  it('fills each form from the filter it edits', () => {
    const values = filterFormFor(['values'], { kind: 'values', member: 'transactions.channel', operator: 'notIn', values: ['web', 'fax'] });
    assert.deepEqual([values.kind, values.exclude, values.selected], ['values', true, ['web', 'fax']]);

    const range = filterFormFor(['values', 'range'], { kind: 'range', member: 'transactions.amount', lower: { value: 10, inclusive: false } });
    assert.deepEqual([range.kind, range.lower, range.lowerInclusive, range.upper, range.upperInclusive], ['range', '10', false, '', true]);

    const picked = filterFormFor(['values', 'range'], { kind: 'values', member: 'transactions.amount', operator: 'equals', values: [80] });
    assert.deepEqual([picked.kind, picked.selected], ['values', [80]], 'values of an amount stay values');

    const last = filterFormFor(['date'], { kind: 'date', member: 'transactions.ts', range: 'Last 12  Weeks', exclude: true, placement: 'filter' });
    assert.deepEqual([last.dateMode, last.lastN, last.lastUnit, last.exclude], ['last', '12', 'weeks', true]);
  });

  it('ignores a filter no form of the attribute fits', () => {
    const advanced: ComposerFilter = { kind: 'advanced', node: { member: 'transactions.channel', operator: 'contains', values: ['w'] } };
    assert.deepEqual(filterFormFor(['values'], advanced), emptyFilterForm('values'));
    const date: ComposerFilter = { kind: 'date', member: 'transactions.ts', range: 'this year', exclude: false, placement: 'timeDimension' };
    assert.deepEqual(filterFormFor(['values', 'range'], date), emptyFilterForm('range'));
  });
});

describe('dateFormFields', () => {
  it('reads two dates, "last N units" and the named periods; other ranges give no fields', () => {
    assert.deepEqual(dateFormFields(['2024-01-01T00:00:00Z', '2024-02-29']), { dateMode: 'between', from: '2024-01-01', to: '2024-02-29' });
    assert.deepEqual(dateFormFields('last 1 day'), { dateMode: 'last', lastN: '1', lastUnit: 'days' });
    assert.deepEqual(dateFormFields('last quarter'), { dateMode: 'period', period: 'last quarter' });
    assert.deepEqual(dateFormFields('from 3 days ago to now'), {});
    assert.deepEqual(dateFormFields('last 12345 days'), {}, 'more than four digits is no form value');
  });
});

describe('parseBound and isIsoDate', () => {
  it('reads bounds as typed: empty is no bound, text is NaN', () => {
    assert.equal(parseBound(' 19.75 '), 19.75);
    assert.equal(parseBound('-3e2'), -300);
    assert.equal(parseBound('  '), undefined);
    assert.ok(Number.isNaN(parseBound('abc')));
    assert.ok(Number.isNaN(parseBound('Infinity')), 'an infinite bound is not a number here');
  });

  it('accepts real calendar days only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-2-1'), false);
    assert.equal(isIsoDate(''), false);
  });
});

describe('filterFormProblems', () => {
  it('asks for a value', () => {
    assert.deepEqual(filterFormProblems(form('values')), { values: 'Choose at least one value.' });
    assert.deepEqual(filterFormProblems(form('values', { selected: [false] })), {});
  });

  it('names the bound at fault in a range', () => {
    assert.deepEqual(filterFormProblems(form('range')), { 'range-lower': 'Enter a lower bound, an upper bound, or both.' });
    assert.deepEqual(filterFormProblems(form('range', { lower: 'abc', upper: 'x' })), {
      'range-lower': 'Lower bound must be a number.',
      'range-upper': 'Upper bound must be a number.',
    });
    assert.deepEqual(filterFormProblems(form('range', { lower: '100', upper: '10' })), { 'range-upper': 'Upper bound must not be less than the lower bound (100).' });
    assert.deepEqual(filterFormProblems(form('range', { lower: '5', upper: '5', upperInclusive: false })), {
      'range-upper': 'Upper bound equals the lower bound: include both bounds, or no value can match.',
    });
    assert.deepEqual(filterFormProblems(form('range', { lower: '5', upper: '5' })), {});
    assert.deepEqual(filterFormProblems(form('range', { upper: '0' })), {});
  });

  it('checks both dates, their order, and N of "the last N"', () => {
    assert.deepEqual(Object.keys(filterFormProblems(form('date'))), ['date-from', 'date-to'], 'the fields in their order');
    assert.deepEqual(filterFormProblems(form('date', { from: '2024-13-01', to: '2024-01-01' })), { 'date-from': 'From date must be a date (YYYY-MM-DD).' });
    assert.deepEqual(filterFormProblems(form('date', { from: '2024-03-01', to: '2024-01-31' })), { 'date-to': 'To date must be on or after the From date.' });
    assert.deepEqual(filterFormProblems(form('date', { from: '2024-01-31', to: '2024-01-31' })), {});
    const lastN = (n: string) => filterFormProblems(form('date', { dateMode: 'last', lastN: n, lastUnit: 'weeks' }))['last-n'];
    assert.equal(lastN('0'), 'Number of weeks must be a whole number from 1 to 9,999.');
    assert.equal(lastN('10000'), 'Number of weeks must be a whole number from 1 to 9,999.');
    assert.equal(lastN('2.5'), 'Number of weeks must be a whole number from 1 to 9,999.');
    assert.equal(lastN(' 9999 '), undefined);
    assert.deepEqual(filterFormProblems(form('date', { dateMode: 'period' })), {}, 'a period needs nothing typed');
  });
});

describe('filterFromForm', () => {
  it('builds values filters: equals/in, notEquals/notIn', () => {
    assert.deepEqual(filterFromForm(form('values', { selected: ['web'] }), 'transactions.channel'), {
      kind: 'values',
      member: 'transactions.channel',
      operator: 'equals',
      values: ['web'],
    });
    assert.deepEqual(filterFromForm(form('values', { selected: ['web', 'store'], exclude: true }), 'transactions.channel'), {
      kind: 'values',
      member: 'transactions.channel',
      operator: 'notIn',
      values: ['web', 'store'],
    });
  });

  it('builds ranges with only the bounds given', () => {
    assert.deepEqual(filterFromForm(form('range', { lower: '50', upper: '300', upperInclusive: false }), 'transactions.amount'), {
      kind: 'range',
      member: 'transactions.amount',
      lower: { value: 50, inclusive: true },
      upper: { value: 300, inclusive: false },
    });
    assert.deepEqual(filterFromForm(form('range', { upper: '19.75' }), 'transactions.amount'), {
      kind: 'range',
      member: 'transactions.amount',
      upper: { value: 19.75, inclusive: true },
    });
  });

  it('builds date filters: included ranges on the time dimension, excluded ones as query filters', () => {
    assert.deepEqual(filterFromForm(form('date', { from: '2024-01-01', to: '2024-01-31' }), 'transactions.order_date'), {
      kind: 'date',
      member: 'transactions.order_date',
      range: ['2024-01-01', '2024-01-31'],
      exclude: false,
      placement: 'timeDimension',
    });
    assert.deepEqual(filterFromForm(form('date', { dateMode: 'last', lastN: ' 6 ', lastUnit: 'months', exclude: true }), 'transactions.ts'), {
      kind: 'date',
      member: 'transactions.ts',
      range: 'last 6 months',
      exclude: true,
      placement: 'filter',
    });
  });

  it('keeps an edited date filter that was a query filter in the query filters', () => {
    const edited: ComposerFilter = { kind: 'date', member: 'transactions.ts', range: 'this month', exclude: false, placement: 'filter' };
    const filled = filterFormFor(['date'], edited);
    assert.deepEqual(filterFromForm(filled, filterFormMember(attribute('transactions.ts'), edited), edited), edited);
    assert.deepEqual(filterFromForm({ ...filled, period: 'last year' }, 'transactions.ts', edited), { ...edited, range: 'last year' });
  });

  it('gives back a range with times unchanged when its days are left as they were', () => {
    const edited: ComposerFilter = { kind: 'date', member: 'transactions.ts', range: ['2024-01-01T06:00:00Z', '2024-03-31T23:59:59Z'], exclude: false, placement: 'timeDimension' };
    const filled = filterFormFor(['date'], edited);
    assert.deepEqual([filled.from, filled.to], ['2024-01-01', '2024-03-31']);
    assert.deepEqual(filterFromForm(filled, 'transactions.ts', edited), edited);
    // A day changed: that bound is the new day; the other keeps its time.
    assert.deepEqual(filterFromForm({ ...filled, to: '2024-02-29' }, 'transactions.ts', edited), { ...edited, range: ['2024-01-01T06:00:00Z', '2024-02-29'] });
  });

  it('filters the edited filter\'s member, else the attribute\'s', () => {
    const channel = attribute('transactions.channel');
    assert.equal(filterFormMember(channel), 'transactions.channel');
    assert.equal(filterFormMember(channel, { kind: 'values', member: 'customers.country', operator: 'equals', values: ['GB'] }), 'customers.country');
    const advanced: ComposerFilter = { kind: 'advanced', node: { member: 'customers.country', operator: 'set', values: [] } };
    assert.equal(filterFormMember(channel, advanced), 'transactions.channel');
  });
});

describe('chosen values', () => {
  it('tells 1 from "1" and true from "true", and keeps the order of choice', () => {
    const chosen = toggleValue(toggleValue(toggleValue([], 'web'), 1), true);
    assert.deepEqual(chosen, ['web', 1, true]);
    assert.equal(isChosenValue(chosen, '1'), false);
    assert.equal(isChosenValue(chosen, 1), true);
    assert.equal(isChosenValue(chosen, 'true'), false);
    assert.deepEqual(toggleValue(chosen, 1), ['web', true]);
    assert.deepEqual(withoutValue(chosen, 'web'), [1, true]);
    assert.deepEqual(withoutValue(chosen, 'mobile'), ['web', 1, true]);
  });
});
