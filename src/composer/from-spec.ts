import type { DataModel } from '../contracts/data-model.js';
import type { SemanticQuery } from '../contracts/query.js';
import { planQuery } from '../query/plan.js';
import { parseWidgetSpec } from '../widgets/migrate.js';
import { ENCODING_CHANNELS, type WidgetSpec } from '../widgets/spec.js';
import { nodeToFilter } from './filters.js';
import { emptyComposerState, fieldKey, type ComposerEncodings, type ComposerFilter, type ComposerState, type QueryField } from './state.js';

/**
 * A saved widget spec as composer state; stateToSpec(specToState(spec)) gives the spec back
 * unchanged. The base table is the one planQuery would choose (the measures' table, else the
 * first table reaching every member); a query the model cannot plan still opens, on the table of
 * its first member, and explainState names what is wrong.
 */

function baseTable(model: DataModel, query: SemanticQuery): string | undefined {
  try {
    return planQuery(model, query).base.name;
  } catch {
    const first = query.measures[0] ?? query.dimensions[0] ?? query.timeDimensions[0]?.dimension ?? undefined;
    const table = first?.slice(0, first.indexOf('.'));
    return table && model.tables.some((t) => t.name === table) ? table : undefined;
  }
}

function fieldsOf(query: SemanticQuery): QueryField[] {
  return [
    ...query.dimensions.map((member): QueryField => ({ kind: 'dimension', member })),
    ...query.timeDimensions.flatMap((t): QueryField[] => (t.granularity ? [{ kind: 'time', member: t.dimension, granularity: t.granularity }] : [])),
    ...query.measures.map((member): QueryField => ({ kind: 'measure', member })),
  ];
}

function filtersOf(query: SemanticQuery): ComposerFilter[] {
  const ranges = query.timeDimensions.flatMap((t, i): ComposerFilter[] =>
    t.dateRange === undefined
      ? []
      : [
          {
            kind: 'date',
            member: t.dimension,
            range: typeof t.dateRange === 'string' ? t.dateRange : [t.dateRange[0], t.dateRange[1]],
            exclude: false,
            placement: 'timeDimension',
            ...(t.granularity ? {} : { ownEntry: i }),
          },
        ],
  );
  return [...ranges, ...query.filters.map(nodeToFilter)];
}

function encodingsOf(spec: WidgetSpec, fields: readonly QueryField[]): ComposerEncodings {
  const out: ComposerEncodings = {};
  for (const c of ENCODING_CHANNELS) {
    const e = spec.encodings[c];
    if (!e) continue;
    const { field, ...rest } = structuredClone(e);
    const time = fields.find((f) => f.kind === 'time' && fieldKey(f) === field);
    out[c] = time?.kind === 'time' ? { attribute: time.member, granularity: time.granularity, ...rest } : { attribute: field, ...rest };
  }
  return out;
}

export function specToState(spec: WidgetSpec, model: DataModel): ComposerState {
  const common = {
    mark: spec.mark,
    properties: structuredClone(spec.properties),
    interactions: structuredClone(spec.interactions),
    title: spec.title,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
  };
  if (spec.data.kind === 'sql') {
    return {
      ...emptyComposerState('sql'),
      ...common,
      sql: spec.data.sql,
      params: { ...spec.data.params },
      encodings: encodingsOf(spec, []),
    };
  }
  const query = spec.data.query;
  const fields = fieldsOf(query);
  const table = baseTable(model, query);
  return {
    ...emptyComposerState('guided'),
    ...common,
    ...(table ? { table } : {}),
    fields,
    filters: filtersOf(query),
    query: { order: query.order.map(([k, d]): [string, 'asc' | 'desc'] => [k, d]), limit: query.limit, offset: query.offset, total: query.total },
    encodings: encodingsOf(spec, fields),
  };
}

export type OpenSpecResult = { ok: true; state: ComposerState; migratedFrom?: number } | { ok: false; message: string };

/** Opens a stored spec of any known version: validated (and upgraded) by parseWidgetSpec first. */
export function openWidgetSpec(input: unknown, model: DataModel): OpenSpecResult {
  const r = parseWidgetSpec(input);
  if (!r.success) return { ok: false, message: r.message };
  return { ok: true, state: specToState(r.spec, model), ...(r.migratedFrom !== undefined ? { migratedFrom: r.migratedFrom } : {}) };
}
