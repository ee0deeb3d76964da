// The row-limit rule: when a widget's rows may be cut by its query's limit, and what the note says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../src/contracts/query.js';
import type { ResultSet, Row } from '../../src/contracts/result.js';
import { aggregatesInClient, catalogSpec, parseWidgetSpec, rowLimitNotice, type WidgetSpec, type WidgetSpecInput } from '../../src/widgets/index.js';

function spec(input: Omit<WidgetSpecInput, 'version' | 'title'>): WidgetSpec {
  const r = parseWidgetSpec({ version: 2, title: 'Test', ...input });
  assert.ok(r.success, r.success ? '' : JSON.stringify(r));
  return r.spec;
}

function rows(n: number, total?: number): ResultSet {
  const list: Row[] = Array.from({ length: n }, (_, i) => ({ 'customer_clv.customer_id': `c${i}`, 'customer_clv.clv': i * 1.5 }));
  return {
    columns: [
      { name: 'customer_clv.customer_id', label: 'Customer', type: 'string', role: 'dimension' },
      { name: 'customer_clv.clv', label: 'CLV', type: 'number', role: 'dimension' },
    ],
    rows: list,
    ...(total !== undefined ? { total } : {}),
    provenance: { kind: 'memory', plan: 'test' },
  };
}

const histogram = (limit?: number) =>
  spec({
    data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.clv'], ...(limit !== undefined ? { limit } : {}) } },
    mark: 'bar',
    encodings: {
      x: { field: 'customer_clv.clv', type: 'quantitative', bin: { maxbins: 30 } },
      y: { field: 'customer_clv.customer_id', type: 'quantitative', aggregate: 'count' },
    },
  });

const scatter = (limit: number) =>
  spec({
    data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.clv'], limit } },
    mark: 'point',
    encodings: { x: { field: 'customer_clv.customer_id', type: 'nominal' }, y: { field: 'customer_clv.clv', type: 'quantitative' } },
  });

const table = (limit: number, offset = 0) =>
  spec({ data: { kind: 'semantic', query: { dimensions: ['customer_clv.customer_id', 'customer_clv.clv'], limit, offset } }, mark: 'table' });

describe('rowLimitNotice', () => {
  it('flags a binned, counted chart at the default limit and says its totals are too low', () => {
    const s = histogram();
    assert.equal(s.data.kind === 'semantic' && s.data.query.limit, DEFAULT_LIMIT);
    const notice = rowLimitNotice(s, rows(10_000));
    assert.deepEqual(notice, {
      shown: 10_000,
      limit: 10_000,
      aggregates: true,
      text: "Showing the first 10,000 rows: the query's row limit. Totals in this chart cover those rows only.",
    });
  });

  it('says nothing one row under the limit', () => {
    assert.equal(rowLimitNotice(histogram(), rows(9_999)), undefined);
    assert.equal(rowLimitNotice(histogram(3), rows(2)), undefined);
  });

  it('flags the catalog "CLV distribution" at 50,000 rows', () => {
    const s = catalogSpec('clv-distribution');
    assert.equal(s.title, 'CLV distribution');
    const notice = rowLimitNotice(s, rows(MAX_LIMIT));
    assert.equal(notice?.limit, 50_000);
    assert.equal(notice?.aggregates, true);
    assert.equal(notice?.text, "Showing the first 50,000 rows: the query's row limit. Totals in this chart cover those rows only.");
  });

  it('trusts total when the result carries one', () => {
    // At the limit but nothing more to fetch: complete.
    assert.equal(rowLimitNotice(histogram(2), rows(2, 2)), undefined);
    const notice = rowLimitNotice(histogram(2), rows(2, 6));
    assert.equal(notice?.total, 6);
    assert.equal(notice?.text, "Showing the first 2 of 6 rows: the query's row limit. Totals in this chart cover those rows only.");
  });

  it('leaves out the totals sentence for a chart that draws rows as they are', () => {
    assert.equal(aggregatesInClient(scatter(DEFAULT_LIMIT)), false);
    const notice = rowLimitNotice(scatter(DEFAULT_LIMIT), rows(DEFAULT_LIMIT));
    assert.equal(notice?.aggregates, false);
    assert.equal(notice?.text, "Showing the first 10,000 rows: the query's row limit.");
    // A smaller limit drawn as it is was meant (a top 2): no note.
    assert.equal(rowLimitNotice(scatter(2), rows(2)), undefined);
  });

  it('uses the short wording for tables, with the row range after an offset', () => {
    assert.equal(rowLimitNotice(table(DEFAULT_LIMIT), rows(DEFAULT_LIMIT))?.text, 'Showing the first 10,000 rows.');
    assert.equal(rowLimitNotice(table(1_500, 3_000), rows(1_500, 12_345))?.text, 'Showing rows 3,001–4,500 of 12,345.');
    assert.equal(rowLimitNotice(table(DEFAULT_LIMIT), rows(DEFAULT_LIMIT - 1)), undefined);
    // A top 1,500 without a total: the limit was meant.
    assert.equal(rowLimitNotice(table(1_500), rows(1_500)), undefined);
  });

  it('never flags SQL widgets or big numbers', () => {
    const sql = spec({
      data: { kind: 'sql', sql: 'select customer_id, clv from customer_clv limit 2' },
      mark: 'bar',
      encodings: { x: { field: 'clv', type: 'quantitative', bin: true }, y: { field: 'customer_id', type: 'quantitative', aggregate: 'count' } },
    });
    assert.equal(aggregatesInClient(sql), true);
    assert.equal(rowLimitNotice(sql, rows(2)), undefined);
    const big = spec({
      data: { kind: 'semantic', query: { measures: ['transactions.revenue'], limit: 1 } },
      mark: 'big-number',
      encodings: { y: { field: 'transactions.revenue', type: 'quantitative' } },
    });
    assert.equal(rowLimitNotice(big, rows(1)), undefined);
  });
});
