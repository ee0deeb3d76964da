// Dashboard specs at the boundary: valid ones parse with defaults, invalid ones say which field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DashboardSpecError, newDashboard, parseDashboardSpec, renameDashboard, slugify } from '../../src/dashboards/parse.js';
import { catalogSpec } from '../../src/widgets/catalog.js';

const spec = catalogSpec('revenue-by-channel');
const valid = {
  version: 1,
  id: 'sales',
  name: 'Sales',
  widgets: [
    { id: 'a', spec, layout: { x: 0, y: 0, w: 6, h: 3 } },
    { id: 'b', spec, layout: { x: 6, y: 0, w: 6, h: 3 } },
  ],
};

function failure(input: unknown): { message: string; field?: string } {
  const r = parseDashboardSpec(input);
  if (r.success) assert.fail('expected the spec to be refused');
  return { message: r.message, ...(r.field ? { field: r.field } : {}) };
}

describe('parseDashboardSpec', () => {
  it('accepts a valid spec and fills in the defaults', () => {
    const r = parseDashboardSpec(valid);
    assert.ok(r.success);
    assert.equal(r.spec.rowHeight, 90);
    assert.deepEqual(r.spec.filters, { global: [] });
    assert.deepEqual(r.spec.widgets[0]!.filters, { dateRange: true, global: [], crossFilter: false });
  });

  it('names the field of each problem', () => {
    const wide = { ...valid, widgets: [valid.widgets[0], valid.widgets[1], { id: 'c', spec, layout: { x: 8, y: 3, w: 6, h: 2 } }] };
    assert.deepEqual(failure(wide), { message: 'widgets.2.layout.w: x + w must not exceed 12 columns', field: 'widgets.2.layout.w' });
    assert.equal(failure({ ...valid, name: '   ' }).message, 'name: a dashboard needs a name');
    assert.equal(failure({ ...valid, version: 2 }).field, 'version');
    const badSpec = { ...valid, widgets: [{ ...valid.widgets[0], spec: { ...spec, encodings: {} } }] };
    assert.match(failure(badSpec).message, /^widgets\.0\.spec\.encodings\.theta: donut needs encodings\.theta/);
  });

  it('refuses overlapping widgets, repeated ids and unknown filters', () => {
    const overlapping = { ...valid, widgets: [valid.widgets[0], { ...valid.widgets[1], layout: { x: 5, y: 2, w: 6, h: 3 } }] };
    assert.deepEqual(failure(overlapping), { message: 'widgets.1.layout: overlaps widget "a" (widgets.0)', field: 'widgets.1.layout' });
    const twice = { ...valid, widgets: [valid.widgets[0], { ...valid.widgets[1], id: 'a' }] };
    assert.equal(failure(twice).message, 'widgets.1.id: widget id "a" is used twice');
    const unknown = { ...valid, widgets: [{ ...valid.widgets[0], filters: { global: ['tier'] } }] };
    assert.equal(failure(unknown).message, 'widgets.0.filters.global.0: no global filter has the id "tier"');
  });

  it('checks filter definitions: option fields and custom ranges', () => {
    const filters = {
      dateRange: { dimension: 'transactions.ts', default: { kind: 'custom', from: '2024-03-01', to: '2024-02-01' } },
      global: [
        {
          id: 'tier',
          label: 'Tier',
          member: 'customers.loyalty_tier',
          options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.tier_name' },
        },
      ],
    };
    const message = failure({ ...valid, filters }).message;
    assert.match(message, /filters\.dateRange\.default\.to: the range ends before it starts/);
    assert.match(message, /filters\.global\.0\.options\.labelField: "customers\.tier_name" is not a result column of the query \(customers\.loyalty_tier\)/);
  });

  it('refuses what is not an object', () => {
    assert.equal(parseDashboardSpec(null).success, false);
    assert.equal(parseDashboardSpec('{"version":1}').success, false);
  });
});

describe('newDashboard and renameDashboard', () => {
  it('makes an empty dashboard with a slug and a random suffix', () => {
    const a = newDashboard('  Ventes & CLV (Été 2024) ');
    const b = newDashboard('Ventes & CLV (Été 2024)');
    assert.match(a.id, /^ventes-clv-ete-2024-[0-9a-f]{8}$/);
    assert.notEqual(a.id, b.id);
    assert.equal(a.name, 'Ventes & CLV (Été 2024)');
    assert.deepEqual(a.widgets, []);
    assert.equal(a.version, 1);
    assert.equal(newDashboard('Sales', 'sales-2').id, 'sales-2');
    assert.equal(slugify('***'), 'dashboard');
    assert.ok(slugify('x'.repeat(100)).length <= 48);
  });

  it('throws naming the field when the name or id is not allowed', () => {
    assert.throws(() => newDashboard(' '), (e: unknown) => e instanceof DashboardSpecError && e.field === 'name' && /needs a name/.test(e.message));
    assert.throws(() => newDashboard('Sales', 'no spaces'), (e: unknown) => e instanceof DashboardSpecError && e.field === 'id');
  });

  it('renames without touching anything else', () => {
    const d = newDashboard('Sales');
    const renamed = renameDashboard(d, '  Revenue  ');
    assert.equal(renamed.name, 'Revenue');
    assert.equal(renamed.id, d.id);
    assert.equal(d.name, 'Sales');
    assert.throws(() => renameDashboard(d, 'x'.repeat(121)), DashboardSpecError);
  });
});
