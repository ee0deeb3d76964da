import type { DataModel, FilterValue } from '../contracts/data-model.js';
import { AdapterError } from '../contracts/errors.js';
import type { FilterNode, SemanticQuery } from '../contracts/query.js';
import type { ResultSet } from '../contracts/result.js';
import { shortestPaths } from '../query/plan.js';

/**
 * The values a filter can choose from: the distinct values of a dimension over the composer's base
 * table, each with the number of rows it has there, most frequent first.
 */

/** How many values the filter dialog lists unless told otherwise. */
export const VALUE_COUNTS_LIMIT = 200;

export interface ValueCountsOptions {
  /** Only values containing this text (ignoring case); applies to string columns only. */
  search?: string;
  limit?: number;
}

/** One listed value and its rows (null when the model has no count measure to count them with). */
export interface ValueCount {
  value: FilterValue | null;
  count: number | null;
}

/**
 * The measure counting the rows of `table`: aggregation 'count' over every row (no filter, and no
 * column, or the primary key, which is never null). Undefined when the model has none.
 */
export function rowCountMeasure(model: DataModel, table: string): string | undefined {
  const t = model.tables.find((x) => x.name === table);
  const m = model.measures.find(
    (x) => x.table === table && x.aggregation === 'count' && !x.filter?.length && (x.column === undefined || x.column === t?.primaryKey),
  );
  return m ? `${m.table}.${m.name}` : undefined;
}

function columnOf(model: DataModel, table: string, member: string) {
  const dot = member.indexOf('.');
  const [tableName, columnName] = [member.slice(0, dot), member.slice(dot + 1)];
  const column = model.tables.find((t) => t.name === tableName)?.columns.find((c) => c.name === columnName);
  if (!column) throw new AdapterError('invalid_request', `"${member}" is not a column of the model`, 'member');
  if (!shortestPaths(model, table).has(tableName)) {
    throw new AdapterError('invalid_request', `"${tableName}" cannot be reached from "${table}" through the model's lookups`, 'member');
  }
  return column;
}

/**
 * The query listing the values of `member` (a column of `table` or of a table its lookups reach)
 * with their row counts over `table`, by count descending then value. Without a count measure on
 * `table` it lists the values alone, in value order (and over the member's own table, as a query
 * without a measure is planned on the members' tables).
 */
export function valueCountsQuery(model: DataModel, table: string, member: string, options: ValueCountsOptions = {}): SemanticQuery {
  const column = columnOf(model, table, member);
  const count = rowCountMeasure(model, table);
  const search = options.search?.trim() ?? '';
  const filters: FilterNode[] = search && column.type === 'string' ? [{ member, operator: 'contains', values: [search] }] : [];
  return {
    measures: count ? [count] : [],
    dimensions: [member],
    timeDimensions: [],
    filters,
    order: count ? [[count, 'desc'], [member, 'asc']] : [[member, 'asc']],
    limit: options.limit ?? VALUE_COUNTS_LIMIT,
    offset: 0,
    total: false,
    timezone: 'UTC',
  };
}

/**
 * The values and counts of a valueCountsQuery result. `countKey` names the count column; by
 * default the first measure column other than the member (a number column such as quantity has
 * the measure role too), and no counts when there is none.
 */
export function readValueCounts(result: Pick<ResultSet, 'columns' | 'rows'>, member: string, countKey?: string): ValueCount[] {
  const key = countKey ?? result.columns.find((c) => c.role === 'measure' && c.name !== member)?.name;
  return result.rows.map((row) => {
    const v = row[member];
    const c = key === undefined ? undefined : row[key];
    return { value: v === undefined ? null : v, count: typeof c === 'number' ? c : null };
  });
}
