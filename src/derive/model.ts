import { type DataModel, DataModelSchema, type Measure, type Relation, type Table } from '../contracts/data-model.js';
import { AdapterError, describeZodError } from '../contracts/errors.js';
import type { DecileDefinitionInput } from './definition.js';
import { DECILE_COLUMNS as C, type DecilePlan, type PlanColumn, planDeciles } from './plan.js';

/**
 * The decile tables as model tables (kind 'derived'), so widgets, the composer and the semantic
 * layer (planQuery) see them like any other table: columns with roles, a lookup from the identity
 * to the table listing identities, and a few measures on the flat table.
 */

export interface DerivedModelParts {
  tables: Table[];
  relations: Relation[];
  measures: Measure[];
}

/** Where the derived tables' identity looks up to: the identities table, or the source identity's own lookup. */
function identityTarget(model: DataModel, plan: DecilePlan): { table: string; column: string } | null {
  if (plan.definition.identities && plan.identities.table !== plan.source) return { table: plan.identities.table, column: plan.identities.name };
  const r = model.relations.find((x) => x.from.table === plan.source && x.from.column === plan.identity.name);
  return r ? { ...r.to } : null;
}

function windowsText(plan: DecilePlan): string {
  const d = plan.definition;
  const keys = plan.windows.map((w) => w.key).join(', ');
  return d.mode === 'exact'
    ? `Lookbacks ${keys} (months before ${d.asOf}, asOf excluded; "all" = everything before it).`
    : `Lookbacks ${keys} in platform mode as of ${d.asOf}: cumulative up to a monthly cutoff, not true windows (see src/derive/README.md).`;
}

export function derivedModelParts(model: DataModel, plan: DecilePlan): DerivedModelParts {
  const identity = (c: PlanColumn) => ({ name: c.name, label: c.label, type: c.type, role: 'identity' as const });
  const lookback = {
    name: C.lookback,
    label: 'Lookback',
    type: 'string' as const,
    role: 'dimension' as const,
    description: 'The window: a number of months ("1", "3", "6", "9", "12", ...) or "all".',
  };
  const categoryWhat = `${plan.category.label} (${plan.category.table}.${plan.category.name})`;
  const about = `Deciles of ${plan.metric.label.toLowerCase()} within ${categoryWhat}, by ${plan.identity.label}. ${windowsText(plan)}`;
  const map: Table = {
    name: plan.tables.map,
    label: `Deciles by ${plan.category.label}`,
    kind: 'derived',
    description: `${about} One row per identity and lookback.`,
    rowCount: null,
    columns: [
      identity(plan.identity),
      lookback,
      {
        name: C.deciles,
        label: `Decile per ${plan.category.label}`,
        type: 'string',
        role: 'dimension',
        description:
          'JSON object category → decile (1 = top 10%), keys in code point order, e.g. {"Gold":1,"Silver":4}; null when the identity has no data in the lookback.',
      },
    ],
  };
  const flat: Table = {
    name: plan.tables.flat,
    label: `Deciles by ${plan.category.label} (flat)`,
    kind: 'derived',
    description: `${about} One row per identity, lookback and category with data.`,
    rowCount: null,
    columns: [
      identity(plan.identity),
      lookback,
      { name: C.category, label: plan.category.label, type: 'string', role: 'dimension' },
      {
        name: C.decile,
        label: 'Decile',
        type: 'integer',
        role: 'dimension',
        description: 'NTILE(10) within the category and lookback by metric descending, ties by identity ascending; 1 = top 10%.',
      },
      { name: C.metric, label: plan.metric.label, type: plan.metric.outputType, role: 'measure', description: 'The ranked value.' },
    ],
  };
  const target = identityTarget(model, plan);
  const relations: Relation[] = target
    ? [map, flat].map((t) => ({ name: `${t.name}_identity`, from: { table: t.name, column: plan.identity.name }, to: target }))
    : [];
  const measures: Measure[] = [
    { name: 'count', label: 'Rows', table: flat.name, aggregation: 'count', format: ',d' },
    { name: 'identities', label: `Distinct ${plan.identity.label}`, table: flat.name, aggregation: 'countDistinct', column: plan.identity.name, format: ',d' },
    { name: 'metric_sum', label: `Total: ${plan.metric.label}`, table: flat.name, aggregation: 'sum', column: C.metric },
    { name: 'metric_min', label: `Lowest: ${plan.metric.label}`, table: flat.name, aggregation: 'min', column: C.metric },
    { name: 'metric_max', label: `Highest: ${plan.metric.label}`, table: flat.name, aggregation: 'max', column: C.metric },
    { name: 'count', label: 'Rows', table: map.name, aggregation: 'count', format: ',d' },
  ];
  return { tables: [map, flat], relations, measures };
}

/**
 * A new model with the definition's two derived tables added; earlier derived tables of the same
 * names (and their relations and measures) are replaced, so re-registering after an edit is safe.
 */
export function registerDerivedTables(model: DataModel, definition: DecileDefinitionInput): DataModel {
  return withDerivedTables(model, planDeciles(model, definition));
}

/** registerDerivedTables for an already checked plan. */
export function withDerivedTables(model: DataModel, plan: DecilePlan): DataModel {
  const parts = derivedModelParts(model, plan);
  // Lower-cased: DuckDB table names are case-insensitive, so "Deciles" and "deciles" are one table.
  const replaced = new Set(parts.tables.map((t) => t.name.toLowerCase()));
  const gone = (table: string) => replaced.has(table.toLowerCase());
  const next = {
    ...model,
    tables: [...model.tables.filter((t) => !gone(t.name)), ...parts.tables],
    relations: [...model.relations.filter((r) => !gone(r.from.table) && !gone(r.to.table)), ...parts.relations],
    measures: [...model.measures.filter((m) => !gone(m.table)), ...parts.measures],
  };
  const checked = DataModelSchema.safeParse(next);
  if (!checked.success) throw new AdapterError('invalid_request', `the derived tables do not fit the model: ${describeZodError(checked.error).message}`, 'name');
  return checked.data;
}
