import type { Column, ColumnType, DataModel, Measure, Relation, Table } from '../contracts/data-model.js';
import type { FilterLeaf, FilterNode, Granularity, SemanticQuery, SemanticQueryInput } from '../contracts/query.js';
import { SemanticQuerySchema } from '../contracts/query.js';
import type { ResultColumn } from '../contracts/result.js';
import { AdapterError, parseOrThrow } from '../contracts/errors.js';
import { parseInstant } from './dates.js';
import { type NormalizedValues, type OperandKind, normalizeValues, operandKind } from './operators.js';

/**
 * The query planner: resolves a semantic query against a data model into a plan that both the SQL
 * compiler and the in-memory engine execute. Every rule about meaning (which table is the base,
 * which lookups to follow, where a filter applies, the complete row order) lives here once.
 */

export interface JoinStep {
  alias: string;
  table: Table;
  relation: Relation;
  fromAlias: string;
}

export interface DimensionRef {
  /** Output column name: "table.column" or "table.column.granularity". */
  key: string;
  alias: string;
  table: Table;
  column: Column;
  granularity?: Granularity;
  kind: OperandKind;
  outputType: ColumnType;
}

export interface MeasureRef {
  key: string;
  measure: Measure;
  column?: Column;
  outputType: ColumnType;
  /** The measure's own filter, over columns of the base table. */
  filter: PlannedLeaf[];
}

export interface PlannedLeaf {
  leaf: FilterLeaf;
  target: { type: 'dimension'; ref: DimensionRef } | { type: 'measure'; ref: MeasureRef };
  kind: OperandKind;
  values: NormalizedValues;
}

export type PlannedFilter = PlannedLeaf | { and: PlannedFilter[] } | { or: PlannedFilter[] };

export interface OrderTerm {
  key: string;
  direction: 'asc' | 'desc';
}

export interface QueryPlan {
  model: DataModel;
  query: SemanticQuery;
  base: Table;
  joins: JoinStep[];
  /** Output dimensions (dimensions, then time dimensions with a granularity). */
  dimensions: DimensionRef[];
  /** Output measures, then measures used only by filters (output false). */
  measures: Array<MeasureRef & { output: boolean }>;
  where: PlannedFilter[];
  having: PlannedFilter[];
  /** A total order: the requested terms, then every output dimension ascending. Nulls sort last. */
  order: OrderTerm[];
  limit: number;
  offset: number;
  total: boolean;
  columns: ResultColumn[];
  now: number;
}

const BASE_ALIAS = 't0';

function invalid(message: string, field?: string): never {
  throw new AdapterError('invalid_request', message, field);
}

function splitMember(member: string): [string, string] {
  const dot = member.indexOf('.');
  return [member.slice(0, dot), member.slice(dot + 1)];
}

class Resolver {
  readonly joins: JoinStep[] = [];
  private readonly aliasByPath = new Map<string, string>([['', BASE_ALIAS]]);
  private readonly paths: Map<string, Relation[]>;

  constructor(
    readonly model: DataModel,
    readonly base: Table,
  ) {
    this.paths = shortestPaths(model, base.name);
  }

  table(name: string): Table | undefined {
    return this.model.tables.find((t) => t.name === name);
  }

  measure(member: string): Measure | undefined {
    const [table, name] = splitMember(member);
    return this.model.measures.find((m) => m.table === table && m.name === name);
  }

  /** Alias of the table reached by following lookups from the base; adds the joins on the way. */
  aliasFor(tableName: string, field: string): string {
    const path = this.paths.get(tableName);
    if (!path) invalid(`"${tableName}" cannot be reached from "${this.base.name}" through the model's lookups`, field);
    let key = '';
    let fromAlias = BASE_ALIAS;
    for (const relation of path) {
      key = key ? `${key}>${relation.name}` : relation.name;
      let alias = this.aliasByPath.get(key);
      if (!alias) {
        alias = `t${this.aliasByPath.size}`;
        this.aliasByPath.set(key, alias);
        this.joins.push({ alias, table: this.table(relation.to.table)!, relation, fromAlias });
      }
      fromAlias = alias;
    }
    return fromAlias;
  }

  dimension(member: string, field: string, granularity?: Granularity): DimensionRef {
    const [tableName, columnName] = splitMember(member);
    const table = this.table(tableName) ?? invalid(`unknown table "${tableName}"`, field);
    const column = table.columns.find((c) => c.name === columnName);
    if (!column) {
      if (this.measure(member)) invalid(`"${member}" is a measure, not a dimension`, field);
      invalid(`unknown member "${member}"`, field);
    }
    const kind = operandKind(column.type);
    if (granularity && kind !== 'temporal') invalid(`"${member}" is not a date or timestamp, so it has no granularity`, field);
    return {
      key: granularity ? `${member}.${granularity}` : member,
      alias: this.aliasFor(tableName, field),
      table,
      column,
      granularity,
      kind,
      outputType: granularity ? 'date' : column.type,
    };
  }

  measureRef(member: string, field: string): MeasureRef {
    const measure = this.measure(member) ?? invalid(`unknown measure "${member}"`, field);
    if (measure.table !== this.base.name)
      invalid(`measure "${member}" belongs to "${measure.table}", but the query's measures are on "${this.base.name}"`, field);
    const column = measure.column ? this.base.columns.find((c) => c.name === measure.column) : undefined;
    const filter = (measure.filter ?? []).map((f, i) => {
      const ref = this.dimension(`${measure.table}.${f.column}`, `${field}.filter.${i}`);
      return this.leaf({ member: ref.key, operator: f.operator, values: f.values }, { type: 'dimension', ref }, `${field}.filter.${i}.values`);
    });
    return { key: member, measure, column, outputType: measureType(measure, column), filter };
  }

  leaf(leaf: FilterLeaf, target: PlannedLeaf['target'], field: string, now = 0): PlannedLeaf {
    const kind = target.type === 'dimension' ? target.ref.kind : operandKind(target.ref.outputType);
    const values = normalizeValues(leaf.operator, kind, leaf.values, now);
    if (typeof values === 'string') invalid(`${leaf.member}: ${values}`, field);
    return { leaf, target, kind, values };
  }
}

function measureType(m: Measure, column?: Column): ColumnType {
  switch (m.aggregation) {
    case 'count':
    case 'countDistinct':
      return 'integer';
    case 'avg':
      return 'number';
    case 'sum':
      return column?.type === 'integer' ? 'integer' : 'number';
    case 'min':
    case 'max':
      return column?.type ?? 'number';
  }
}

/** Breadth-first over lookups from `from`: the first shortest path to every reachable table. */
export function shortestPaths(model: DataModel, from: string): Map<string, Relation[]> {
  const paths = new Map<string, Relation[]>([[from, []]]);
  const queue = [from];
  while (queue.length) {
    const current = queue.shift()!;
    for (const r of model.relations) {
      if (r.from.table !== current || paths.has(r.to.table)) continue;
      paths.set(r.to.table, [...paths.get(current)!, r]);
      queue.push(r.to.table);
    }
  }
  return paths;
}

function leaves(node: FilterNode): FilterLeaf[] {
  if ('and' in node) return node.and.flatMap(leaves);
  if ('or' in node) return node.or.flatMap(leaves);
  return [node];
}

function chooseBase(model: DataModel, q: SemanticQuery): Table {
  const tableOf = (member: string) => splitMember(member)[0];
  const isMeasure = (member: string) => {
    const [t, n] = splitMember(member);
    return model.measures.some((m) => m.table === t && m.name === n);
  };
  const measureTables = [
    ...q.measures.map((m, i) => ({ table: tableOf(m), field: `measures.${i}` })),
    ...q.filters.flatMap((f, i) => leaves(f).filter((l) => isMeasure(l.member)).map((l) => ({ table: tableOf(l.member), field: `filters.${i}` }))),
  ];
  const first = measureTables[0];
  if (first) {
    const other = measureTables.find((m) => m.table !== first.table);
    if (other) invalid(`all measures must come from one table: "${first.table}" and "${other.table}" are mixed`, other.field);
    return model.tables.find((t) => t.name === first.table) ?? invalid(`unknown table "${first.table}"`, first.field);
  }
  const members = [
    ...q.dimensions.map((m, i) => ({ m, field: `dimensions.${i}` })),
    ...q.timeDimensions.map((t, i) => ({ m: t.dimension, field: `timeDimensions.${i}.dimension` })),
    ...q.filters.flatMap((f, i) => leaves(f).map((l) => ({ m: l.member, field: `filters.${i}` }))),
  ];
  const unknown = members.find(({ m }) => !model.tables.some((t) => t.name === tableOf(m)));
  if (unknown) invalid(`unknown table "${tableOf(unknown.m)}"`, unknown.field);
  const tables = [...new Set(members.map(({ m }) => tableOf(m)))];
  for (const candidate of tables) {
    const paths = shortestPaths(model, candidate);
    if (tables.every((t) => paths.has(t))) {
      return model.tables.find((t) => t.name === candidate) ?? invalid(`unknown table "${candidate}"`, 'dimensions');
    }
  }
  return invalid(`no table reaches all of ${tables.join(', ')} through lookups`, 'dimensions');
}

/** Parses and plans a query. Throws AdapterError('invalid_request') naming the field at fault. */
export function planQuery(model: DataModel, input: SemanticQueryInput, options: { now?: string } = {}): QueryPlan {
  const query = parseOrThrow(SemanticQuerySchema, input, 'query');
  const now = options.now ? parseInstant(options.now) : Date.now();
  if (Number.isNaN(now)) invalid(`invalid "now": ${options.now}`, 'now');
  const base = chooseBase(model, query);
  const r = new Resolver(model, base);

  const dimensions: DimensionRef[] = query.dimensions.map((d, i) => r.dimension(d, `dimensions.${i}`));
  const where: PlannedFilter[] = [];
  query.timeDimensions.forEach((td, i) => {
    const field = `timeDimensions.${i}`;
    const ref = r.dimension(td.dimension, `${field}.dimension`, td.granularity);
    if (ref.kind !== 'temporal') invalid(`"${td.dimension}" is not a date or timestamp`, `${field}.dimension`);
    if (td.granularity) dimensions.push(ref);
    if (td.dateRange !== undefined) {
      const values = typeof td.dateRange === 'string' ? [td.dateRange] : [...td.dateRange];
      const plain = r.dimension(td.dimension, `${field}.dimension`);
      where.push(r.leaf({ member: td.dimension, operator: 'inDateRange', values }, { type: 'dimension', ref: plain }, `${field}.dateRange`, now));
    }
  });
  const seen = new Set<string>();
  dimensions.forEach((d, i) => {
    if (seen.has(d.key)) invalid(`"${d.key}" appears twice`, i < query.dimensions.length ? `dimensions.${i}` : 'timeDimensions');
    seen.add(d.key);
  });

  const measures: QueryPlan['measures'] = query.measures.map((m, i) => ({ ...r.measureRef(m, `measures.${i}`), output: true }));
  const measureByKey = (member: string, field: string) => {
    let ref = measures.find((m) => m.key === member);
    if (!ref) {
      ref = { ...r.measureRef(member, field), output: false };
      measures.push(ref);
    }
    return ref;
  };

  const having: PlannedFilter[] = [];
  const planNode = (node: FilterNode, field: string, kinds: Set<string>): PlannedFilter => {
    if ('and' in node) return { and: node.and.map((n, i) => planNode(n, `${field}.and.${i}`, kinds)) };
    if ('or' in node) return { or: node.or.map((n, i) => planNode(n, `${field}.or.${i}`, kinds)) };
    if (r.measure(node.member)) {
      kinds.add('measure');
      return r.leaf(node, { type: 'measure', ref: measureByKey(node.member, `${field}.member`) }, `${field}.values`, now);
    }
    kinds.add('dimension');
    return r.leaf(node, { type: 'dimension', ref: r.dimension(node.member, `${field}.member`) }, `${field}.values`, now);
  };
  query.filters.forEach((f, i) => {
    const kinds = new Set<string>();
    const planned = planNode(f, `filters.${i}`, kinds);
    if (kinds.size > 1) invalid('a filter group cannot mix measures and dimensions; put them in separate top-level filters', `filters.${i}`);
    (kinds.has('measure') ? having : where).push(planned);
  });

  const outputKeys = [...dimensions.map((d) => d.key), ...measures.filter((m) => m.output).map((m) => m.key)];
  const order: OrderTerm[] = [];
  query.order.forEach(([key, direction], i) => {
    let resolved = key;
    if (!outputKeys.includes(key)) {
      const timeKey = dimensions.find((d) => d.granularity && d.key.startsWith(`${key}.`))?.key;
      if (!timeKey) invalid(`cannot order by "${key}": it is not a dimension or measure of the query`, `order.${i}`);
      resolved = timeKey;
    }
    if (!order.some((o) => o.key === resolved)) order.push({ key: resolved, direction });
  });
  if (order.length === 0) {
    const firstTime = dimensions.find((d) => d.granularity);
    const firstMeasure = measures.find((m) => m.output);
    if (firstTime) order.push({ key: firstTime.key, direction: 'asc' });
    else if (firstMeasure) order.push({ key: firstMeasure.key, direction: 'desc' });
  }
  for (const d of dimensions) if (!order.some((o) => o.key === d.key)) order.push({ key: d.key, direction: 'asc' });

  const columns: ResultColumn[] = [
    ...dimensions.map((d) => ({
      name: d.key,
      label: d.granularity ? `${d.column.label} (${d.granularity})` : d.column.label,
      type: d.outputType,
      role: d.granularity ? ('time' as const) : d.column.role,
      ...(d.column.format && !d.granularity ? { format: d.column.format } : {}),
    })),
    ...measures
      .filter((m) => m.output)
      .map((m) => ({ name: m.key, label: m.measure.label, type: m.outputType, role: 'measure' as const, ...(m.measure.format ? { format: m.measure.format } : {}) })),
  ];

  return { model, query, base, joins: r.joins, dimensions, measures, where, having, order, limit: query.limit, offset: query.offset, total: query.total, columns, now };
}
