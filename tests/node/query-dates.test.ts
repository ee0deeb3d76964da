import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDate, parseInstant, resolveDateRange, truncate } from '../../src/query/dates.js';

const d = (s: string) => parseInstant(s);
const range = (text: string | string[], now: string) => {
  const r = resolveDateRange(text, d(now));
  return [formatDate(r.start), formatDate(r.end)];
};

test('parseInstant reads dates, timestamps and offsets, and rejects impossible dates', () => {
  assert.equal(parseInstant('2024-02-29'), Date.UTC(2024, 1, 29));
  assert.equal(parseInstant('2024-01-01T10:30:00Z'), Date.UTC(2024, 0, 1, 10, 30));
  assert.equal(parseInstant('2024-01-01 10:30:00.250'), Date.UTC(2024, 0, 1, 10, 30, 0, 250));
  assert.equal(parseInstant('2024-01-01T10:30:00+02:00'), Date.UTC(2024, 0, 1, 8, 30));
  assert.ok(Number.isNaN(parseInstant('2023-02-29')));
  assert.ok(Number.isNaN(parseInstant('2024-13-01')));
  assert.ok(Number.isNaN(parseInstant('yesterday')));
});

test('relative ranges resolve to half-open intervals against a pinned now', () => {
  const now = '2024-03-13T15:00:00Z'; // a Wednesday
  assert.deepEqual(range('today', now), ['2024-03-13', '2024-03-14']);
  assert.deepEqual(range('yesterday', now), ['2024-03-12', '2024-03-13']);
  assert.deepEqual(range('this week', now), ['2024-03-11', '2024-03-18']);
  assert.deepEqual(range('last week', now), ['2024-03-04', '2024-03-11']);
  assert.deepEqual(range('this month', now), ['2024-03-01', '2024-04-01']);
  assert.deepEqual(range('last month', now), ['2024-02-01', '2024-03-01']);
  assert.deepEqual(range('this quarter', now), ['2024-01-01', '2024-04-01']);
  assert.deepEqual(range('last quarter', now), ['2023-10-01', '2024-01-01']);
  assert.deepEqual(range('last year', now), ['2023-01-01', '2024-01-01']);
  assert.deepEqual(range('last 7 days', now), ['2024-03-06', '2024-03-13']);
  assert.deepEqual(range('last 90 days', now), ['2023-12-14', '2024-03-13']);
  assert.deepEqual(range('last 3 months', now), ['2023-12-01', '2024-03-01']);
  assert.deepEqual(range('Last 2 Years', now), ['2022-01-01', '2024-01-01']);
  assert.deepEqual(range(['2024-01-01', '2024-01-31'], now), ['2024-01-01', '2024-02-01']);
  assert.throws(() => resolveDateRange('next week', d(now)), /unknown relative date range/);
});

test('truncation: weeks start on Monday, across a year boundary', () => {
  assert.equal(formatDate(truncate(d('2025-01-01'), 'week')), '2024-12-30');
  assert.equal(formatDate(truncate(d('2024-12-29T23:59:59Z'), 'week')), '2024-12-23');
  assert.equal(formatDate(truncate(d('2024-08-17'), 'quarter')), '2024-07-01');
  assert.equal(formatDate(truncate(d('2024-08-17'), 'month')), '2024-08-01');
  assert.equal(formatDate(truncate(d('2024-08-17'), 'year')), '2024-01-01');
});

test('truncate is idempotent and never moves forward (property)', () => {
  const grains = ['day', 'week', 'month', 'quarter', 'year'] as const;
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...grains), (ms, g) => {
      const t = truncate(ms, g);
      assert.ok(t <= ms);
      assert.equal(truncate(t, g), t);
      if (g === 'week') assert.equal(new Date(t).getUTCDay(), 1);
      if (g === 'month' || g === 'quarter' || g === 'year') assert.equal(new Date(t).getUTCDate(), 1);
    }),
  );
});
