// computeCustomerClv: input forms and checks, Gamma-Gamma skipping repeaters with m̄ ≤ 0,
// cancellation, small inputs, and registerCustomerClvTable on different models.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeCustomerClv,
  customerClvLoadColumns,
  fitGammaGamma,
  registerCustomerClvTable,
  rfmSummary,
  spendFitData,
  type CustomerClvOptions,
} from '../../src/clv/index.js';
import { AdapterError } from '../../src/contracts/errors.js';
import { DataModelSchema } from '../../src/contracts/data-model.js';
import { clvDataModel } from '../../src/model/clv-model.js';
import { loadCdnowSample } from './support/clv-data.js';

const BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const GIVEN: CustomerClvOptions = { calibrationEnd: '1997-09-30', timeUnit: 'weeks', horizon: 39, bgnbd: BGNBD, gammaGamma: GG };
const sample = loadCdnowSample();
const DAY = 86_400_000;

const isAborted = (e: unknown): boolean => e instanceof AdapterError && e.code === 'aborted';

describe('computeCustomerClv input', () => {
  it('timestamps as epoch ms, dates and ISO timestamps with offsets give the same table', () => {
    const ms = sample.ts.map((d) => Date.parse(`${d}T00:00:00Z`));
    const base = computeCustomerClv({ customer_id: sample.customer, ts: sample.ts, amount: sample.amount }, GIVEN);
    const fromMs = computeCustomerClv({ customer_id: sample.customer, ts: Float64Array.from(ms), amount: Float64Array.from(sample.amount) }, GIVEN);
    // 23:30 at −02:00 is 01:30 UTC the next day: the purchase day is the UTC day.
    const iso = ms.map((t) => new Date(t - DAY).toISOString().slice(0, 10) + 'T23:30:00-02:00');
    const fromIso = computeCustomerClv({ customer_id: sample.customer, ts: iso, amount: sample.amount }, GIVEN);
    assert.deepEqual(fromMs.data, base.data);
    assert.deepEqual(fromIso.data, base.data);
  });

  it('does not write into typed-array inputs', () => {
    const ts = Float64Array.from(sample.ts, (d) => Date.parse(d));
    const copy = ts.slice();
    computeCustomerClv({ customer_id: sample.customer, ts, amount: sample.amount }, GIVEN);
    assert.deepEqual(ts, copy);
  });

  it('a bad cell is a RangeError naming its column and row', () => {
    const cases: [string, Record<string, unknown[]>, RegExp][] = [
      ['customer', { customer_id: ['a', null] }, /transactions\.customer_id row 1: null/],
      ['empty id', { customer_id: ['a', ''] }, /transactions\.customer_id row 1/],
      ['date', { ts: ['1997-01-01', '1997-02-30'] }, /transactions\.ts row 1: "1997-02-30"/],
      ['amount', { amount: [1, 'x'] }, /transactions\.amount row 1: "x" is not a finite number/],
    ];
    for (const [what, patch, message] of cases) {
      const t = { customer_id: ['a', 'b'], ts: ['1997-01-01', '1997-01-02'], amount: [1, 2], ...patch } as never;
      assert.throws(() => computeCustomerClv(t, GIVEN), (e: unknown) => e instanceof RangeError && message.test(e.message), what);
    }
    assert.throws(
      () => computeCustomerClv({ customer_id: ['a'], ts: [], amount: [1] }, GIVEN),
      /columns differ in length: customer_id 1, ts 0, amount 1/,
    );
  });

  it('horizon, period and discount are checked before any fit', () => {
    let progress = 0;
    const t = { customer_id: sample.customer, ts: sample.ts, amount: sample.amount };
    const options = { calibrationEnd: '1997-09-30', timeUnit: 'weeks', onProgress: () => progress++ } as const;
    assert.throws(() => computeCustomerClv(t, { ...options, horizon: 39, periodLength: 10 }), /not a whole multiple of period 10/);
    assert.throws(() => computeCustomerClv(t, { ...options, horizon: 0 }), /horizon must be finite and > 0/);
    assert.throws(() => computeCustomerClv(t, { ...options, horizon: 39, discount: -1 }), /discount rate must be finite and > −1/);
    assert.throws(() => computeCustomerClv(t, { ...options, horizon: 39, calibrationEnd: '1997-13-01' }), /1997-13-01/);
    assert.equal(progress, 0);
  });

  it('no customer acquired by the calibration end is an error; later customers are counted', () => {
    const t = { customer_id: ['a', 'b', 'b'], ts: ['1997-03-01', '1997-01-01', '1997-02-01'], amount: [5, 6, 7] };
    assert.throws(() => computeCustomerClv(t, { ...GIVEN, calibrationEnd: '1996-12-31' }), /no customer made a first purchase on or before the calibration end 1996-12-31/);
    const r = computeCustomerClv(t, { ...GIVEN, calibrationEnd: '1997-02-15' });
    assert.deepEqual(r.data.customer_id, ['b']);
    assert.equal(r.notYetAcquired, 1);
  });
});

describe('Gamma-Gamma skips repeaters with m̄ ≤ 0', () => {
  it('the fit equals a fit without them, they are counted, and they still get a forecast', () => {
    // Two extra repeaters whose repeat purchases were free.
    const t = {
      customer_id: [...sample.customer.map(String), 'free1', 'free1', 'free2', 'free2', 'free2'],
      ts: [...sample.ts, '1997-01-05', '1997-02-01', '1997-01-07', '1997-03-01', '1997-04-01'],
      amount: [...sample.amount, 10, 0, 12, 0, 0],
    };
    const r = computeCustomerClv(t, { calibrationEnd: '1997-09-30', timeUnit: 'weeks', horizon: 39, bgnbd: BGNBD });
    assert.equal(r.gammaGamma.skipped, 2);
    assert.equal(r.gammaGamma.customers, 946);
    const s = rfmSummary({ customer: t.customer_id, ts: t.ts, amount: t.amount }, { calibrationEnd: '1997-09-30' });
    const direct = fitGammaGamma(spendFitData(s));
    assert.deepEqual(r.gammaGamma.params, direct.params);
    assert.equal(r.gammaGamma.logLikelihood, direct.logLikelihood);
    const i = r.data.customer_id.indexOf('free2');
    const { p, q, gamma } = r.gammaGamma.params;
    assert.equal(r.data.monetary[i], 0);
    assert.ok(Math.abs(r.data.expected_spend[i] / ((p * gamma) / (p * 2 + q - 1)) - 1) < 1e-12, 'E[M | x = 2, m̄ = 0]');
  });

  it('with no usable repeater the fit cannot run; given parameters still can', () => {
    const t = { customer_id: ['a', 'a', 'b'], ts: ['1997-01-01', '1997-02-01', '1997-01-03'], amount: [5, 0, 6] };
    assert.throws(() => computeCustomerClv(t, { ...GIVEN, gammaGamma: undefined }), /needs at least one customer with a repeat purchase and a positive mean repeat spend/);
    const r = computeCustomerClv(t, GIVEN);
    assert.deepEqual([r.gammaGamma.customers, r.gammaGamma.skipped, r.gammaGamma.logLikelihood], [0, 1, 0]);
  });

  it('q ≤ 1 leaves the spend of customers without repeats undefined: an error naming one', () => {
    const t = { customer_id: sample.customer, ts: sample.ts, amount: sample.amount };
    assert.throws(() => computeCustomerClv(t, { ...GIVEN, gammaGamma: { p: 6, q: 0.9, gamma: 15 } }), /^RangeError: customer \d+: population mean spend needs q > 1/);
  });
});

describe('computeCustomerClv cancellation', () => {
  const t = { customer_id: sample.customer, ts: sample.ts, amount: sample.amount };

  it('an aborted signal stops the BG/NBD fit with an AdapterError "aborted"', () => {
    const controller = new AbortController();
    let after = 0;
    assert.throws(
      () =>
        computeCustomerClv(t, {
          calibrationEnd: '1997-09-30',
          timeUnit: 'weeks',
          horizon: 39,
          signal: controller.signal,
          onProgress: (p) => {
            if (controller.signal.aborted) after++;
            if (p.phase === 'bgnbd' && (p.iteration ?? 0) >= 20) controller.abort();
          },
        }),
      isAborted,
    );
    assert.equal(after, 0, 'no progress once aborted');
  });

  it('aborting in the predict phase, or before the start, is also "aborted"', () => {
    const controller = new AbortController();
    const onProgress: CustomerClvOptions['onProgress'] = (p) => p.phase === 'predict' && controller.abort();
    assert.throws(() => computeCustomerClv(t, { ...GIVEN, signal: controller.signal, onProgress }), isAborted);
    assert.throws(() => computeCustomerClv(t, { ...GIVEN, signal: AbortSignal.abort() }), isAborted);
  });
});

describe('small inputs', () => {
  it('fewer customers than deciles: NTILE puts row i in bucket i + 1', () => {
    const t = {
      customer_id: ['c', 'a', 'b', 'a', 'b', 'b'],
      ts: ['1997-01-01', '1997-01-01', '1997-01-01', '1997-03-01', '1997-02-01', '1997-05-01'],
      amount: [1, 2, 3, 40, 5, 60],
    };
    const r = computeCustomerClv(t, GIVEN);
    assert.deepEqual(r.data.customer_id, ['c', 'a', 'b']);
    const byClv = [0, 1, 2].sort((i, j) => r.data.clv[j] - r.data.clv[i]);
    assert.deepEqual(byClv.map((i) => r.data.clv_decile[i]), [1, 2, 3]);
  });

  it('equal clv: the smaller id gets the better decile (strings by code point)', () => {
    const t = { customer_id: ['b', 'B', 'a', '10', '9'], ts: new Array(5).fill('1997-01-01'), amount: [1, 1, 1, 1, 1] };
    const r = computeCustomerClv(t, GIVEN);
    const decileOf = new Map(r.data.customer_id.map((id, i) => [id, r.data.clv_decile[i]]));
    assert.deepEqual(['10', '9', 'B', 'a', 'b'].map((id) => decileOf.get(id)), [1, 2, 3, 4, 5]);
  });
});

describe('registerCustomerClvTable', () => {
  it('adds a derived table with roles, formats, the lookup to customers and the measures; again replaces it', () => {
    const once = registerCustomerClvTable(clvDataModel, { timeUnit: 'weeks', horizon: 39, calibrationEnd: '1997-09-30' });
    const twice = registerCustomerClvTable(once);
    for (const m of [once, twice]) {
      const t = m.tables.filter((x) => x.name === 'customer_clv');
      assert.equal(t.length, 1);
      assert.equal(t[0].kind, 'derived');
      assert.deepEqual(m.relations.filter((r) => r.from.table === 'customer_clv').map((r) => [r.from.column, r.to.table, r.to.column]), [['customer_id', 'customers', 'customer_id']]);
      assert.deepEqual(m.measures.filter((x) => x.table === 'customer_clv').map((x) => x.name), ['customers', 'clv_total', 'clv_avg', 'p_alive_avg', 'expected_purchases_total']);
    }
    const cols = once.tables.find((x) => x.name === 'customer_clv')!.columns;
    assert.deepEqual(
      cols.map((c) => [c.name, c.type, c.role]),
      [
        ['customer_id', 'string', 'identity'],
        ['frequency', 'integer', 'measure'],
        ['recency', 'number', 'measure'],
        ['T', 'number', 'measure'],
        ['monetary', 'number', 'measure'],
        ['p_alive', 'number', 'measure'],
        ['expected_purchases', 'number', 'measure'],
        ['expected_spend', 'number', 'measure'],
        ['clv', 'number', 'measure'],
        ['clv_decile', 'integer', 'dimension'],
      ],
    );
    assert.ok(cols.every((c) => c.role === 'identity' || c.format), 'every number has a format');
    assert.match(once.tables.find((x) => x.name === 'customer_clv')!.description!, /Calibration end 1997-09-30\. Horizon 39 weeks/);
    assert.deepEqual(customerClvLoadColumns(once).map((c) => c.name), cols.map((c) => c.name));
  });

  it('follows the type of customers.customer_id; without a customers table there is no lookup', () => {
    const base = { name: 'm', label: 'M', tables: [{ name: 'customers', label: 'C', kind: 'dimension', columns: [{ name: 'customer_id', label: 'Id', type: 'integer', role: 'identity' }] }] } as const;
    const withInt = registerCustomerClvTable(DataModelSchema.parse(base));
    assert.equal(withInt.tables.find((x) => x.name === 'customer_clv')!.columns[0].type, 'integer');
    const bare = registerCustomerClvTable(DataModelSchema.parse({ ...base, tables: [{ ...base.tables[0], name: 'people' }] }));
    assert.equal(bare.relations.length, 0);
    assert.equal(bare.tables.find((x) => x.name === 'customer_clv')!.columns[0].type, 'string');
  });

  it('load columns need the registered table', () => {
    assert.throws(() => customerClvLoadColumns(clvDataModel), (e: unknown) => e instanceof AdapterError && e.code === 'not_found');
  });
});
