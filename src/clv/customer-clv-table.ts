/**
 * `customer_clv` as a model table (kind 'derived'), so widgets, the segment builder and the
 * semantic layer (planQuery) use computeCustomerClv's output like any other table: columns with
 * roles and formats, a lookup to the customers table and a few measures.
 */
import { DataModelSchema, type Column, type ColumnType, type DataModel, type Measure, type Relation, type Table } from '../contracts/data-model.js';
import { AdapterError, describeZodError } from '../contracts/errors.js';
import type { LoadColumn } from '../contracts/loader.js';
import type { CustomerClvSettings } from './customer-clv.js';

export const CUSTOMER_CLV_TABLE = 'customer_clv';
/** The lookup target, as in the CLV model: every per-customer table points at customers.customer_id. */
const CUSTOMERS = { table: 'customers', column: 'customer_id' } as const;

/** What the description states about the numbers; all optional. */
export type CustomerClvTableInfo = Partial<Pick<CustomerClvSettings, 'timeUnit' | 'horizon' | 'periodLength' | 'discount'>> & {
  calibrationEnd?: string;
};

function columns(idType: ColumnType, info: CustomerClvTableInfo): Column[] {
  const unit = info.timeUnit ?? 'model time units';
  const horizon = info.horizon === undefined ? 'the horizon' : `the next ${info.horizon} ${unit}`;
  const m = (name: string, label: string, type: ColumnType, format: string, description: string): Column => ({
    name,
    label,
    type,
    role: 'measure',
    format,
    description,
  });
  return [
    { name: 'customer_id', label: 'Customer ID', type: idType, role: 'identity' },
    m('frequency', 'Repeat purchase days', 'integer', ',d', 'x: days with a purchase after the first, up to the calibration end.'),
    m('recency', 'Recency (t_x)', 'number', ',.2f', `First to last purchase day, in ${unit} (0 without repeats). Not the time since the last purchase.`),
    m('T', 'Customer age (T)', 'number', ',.2f', `First purchase day to the calibration end, in ${unit}.`),
    m('monetary', 'Mean repeat spend', 'number', '$,.2f', 'm̄: mean of the repeat purchase-day totals, first day excluded (0 without repeats).'),
    m('p_alive', 'P(alive)', 'number', '.1%', 'BG/NBD probability that the customer is still active at the calibration end.'),
    m('expected_purchases', 'Expected purchases', 'number', ',.2f', `BG/NBD expected repeat purchase days in ${horizon}.`),
    m('expected_spend', 'Expected spend per purchase', 'number', '$,.2f', 'Gamma-Gamma expected spend per purchase; the population mean for customers without repeats.'),
    m('clv', 'CLV', 'number', '$,.2f', `Expected spend in ${horizon}, discounted per period.`),
    {
      name: 'clv_decile',
      label: 'CLV decile',
      type: 'integer',
      role: 'dimension',
      format: 'd',
      description: 'NTILE(10) by CLV descending, ties by customer ID ascending; 1 = top 10%.',
    },
  ];
}

function tableDescription(info: CustomerClvTableInfo): string {
  const parts = ['One row per customer acquired by the calibration end: BG/NBD and Gamma-Gamma forecasts and CLV.'];
  if (info.calibrationEnd) parts.push(`Calibration end ${info.calibrationEnd}.`);
  if (info.horizon !== undefined && info.timeUnit) {
    const period = info.periodLength ?? info.horizon;
    parts.push(`Horizon ${info.horizon} ${info.timeUnit}, discounted at ${info.discount ?? 0} per ${period} ${info.timeUnit}.`);
  }
  return parts.join(' ');
}

/** The customer_clv table, relation and measures for `model`; the identity takes the type of customers.customer_id. */
export function customerClvModelParts(model: DataModel, info: CustomerClvTableInfo = {}): { table: Table; relations: Relation[]; measures: Measure[] } {
  const target = model.tables.find((t) => t.name === CUSTOMERS.table)?.columns.find((c) => c.name === CUSTOMERS.column);
  // Ids are text or whole numbers (as computeCustomerClv takes them); a join needs both sides alike.
  const idType: ColumnType = target?.type === 'integer' ? 'integer' : 'string';
  const table: Table = {
    name: CUSTOMER_CLV_TABLE,
    label: 'Customer CLV',
    kind: 'derived',
    description: tableDescription(info),
    rowCount: null,
    primaryKey: 'customer_id',
    columns: columns(idType, info),
  };
  const relations: Relation[] = target ? [{ name: 'customer_clv_customer', from: { table: table.name, column: 'customer_id' }, to: { ...CUSTOMERS } }] : [];
  const t = table.name;
  const measures: Measure[] = [
    { name: 'customers', label: 'Customers', table: t, aggregation: 'count', format: ',d' },
    { name: 'clv_total', label: 'Total CLV', table: t, aggregation: 'sum', column: 'clv', format: '$,.2f' },
    { name: 'clv_avg', label: 'Average CLV', table: t, aggregation: 'avg', column: 'clv', format: '$,.2f' },
    { name: 'p_alive_avg', label: 'Average P(alive)', table: t, aggregation: 'avg', column: 'p_alive', format: '.1%' },
    { name: 'expected_purchases_total', label: 'Expected purchases', table: t, aggregation: 'sum', column: 'expected_purchases', format: ',.1f' },
  ];
  return { table, relations, measures };
}

/**
 * A new model with the customer_clv table added; an earlier customer_clv (with its relations and
 * measures) is replaced, so registering again after a re-run is safe. The lookup to
 * customers.customer_id is added when the model has that column.
 */
export function registerCustomerClvTable(model: DataModel, info: CustomerClvTableInfo = {}): DataModel {
  const parts = customerClvModelParts(model, info);
  // Lower-cased: DuckDB table names are case-insensitive.
  const gone = (name: string) => name.toLowerCase() === CUSTOMER_CLV_TABLE;
  const next = {
    ...model,
    tables: [...model.tables.filter((t) => !gone(t.name)), parts.table],
    relations: [...model.relations.filter((r) => !gone(r.from.table) && !gone(r.to.table)), ...parts.relations],
    measures: [...model.measures.filter((m) => !gone(m.table)), ...parts.measures],
  };
  const checked = DataModelSchema.safeParse(next);
  if (!checked.success) {
    throw new AdapterError('invalid_request', `the customer_clv table does not fit the model: ${describeZodError(checked.error).message}`, 'name');
  }
  return checked.data;
}

/** The load columns of customer_clv in `model` (after registerCustomerClvTable), for TableLoader.loadColumns. */
export function customerClvLoadColumns(model: DataModel): LoadColumn[] {
  const t = model.tables.find((x) => x.name === CUSTOMER_CLV_TABLE);
  if (!t) throw new AdapterError('not_found', `the model "${model.name}" has no ${CUSTOMER_CLV_TABLE} table; call registerCustomerClvTable first`, 'table');
  return t.columns.map((c) => ({ name: c.name, type: c.type }));
}
