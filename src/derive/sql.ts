import type { ScalarValue } from '../contracts/result.js';
import { quoteIdentifier as q } from '../query/sql.js';
import { DECILE_COLUMNS as C, type DecilePlan } from './plan.js';

/**
 * Compiles a decile plan to DuckDB: two CREATE OR REPLACE TABLE ... AS statements (the flat table,
 * then the map table built from it). Identifiers come from the plan (checked against the model) and
 * are quoted; every value (as-of bounds, window labels, the metric scale) is a named parameter
 * ($NAME), bound by the adapter's sql().
 */

export interface DecileStatement {
  /** The table the statement creates or replaces. */
  table: string;
  sql: string;
  params: Record<string, ScalarValue>;
}

class Params {
  readonly values: Record<string, ScalarValue> = {};
  bind(name: string, value: ScalarValue, type: 'VARCHAR' | 'TIMESTAMP' | 'DOUBLE'): string {
    this.values[name] = value;
    return `CAST($${name} AS ${type})`;
  }
}

const col = (alias: string, name: string) => `${q(alias)}.${q(name)}`;

/** The scaled value: round(value × scale) as BIGINT; integer columns at scale 1 stay exact without a DOUBLE. */
function valueSql(plan: DecilePlan, params: Params): string | null {
  const { column, scale } = plan.metric;
  if (!column || scale === null) return null;
  if (column.type === 'integer' && scale === 1) return `CAST(${col('s', column.name)} AS BIGINT)`;
  return `CAST(ROUND(CAST(${col('s', column.name)} AS DOUBLE) * ${params.bind('metric_scale', scale, 'DOUBLE')}) AS BIGINT)`;
}

function aggregateSql(plan: DecilePlan): string {
  switch (plan.metric.aggregation) {
    case 'count':
      return 'COUNT(*)';
    case 'sum':
      return `CAST(SUM("value") AS BIGINT)`;
    case 'max':
      return `MAX("value")`;
    case 'avg':
      // One division of two exact numbers, as the in-memory runner does (AVG's own arithmetic is DuckDB's business).
      return `CAST(SUM("value") AS DOUBLE) / CAST(COUNT(*) AS DOUBLE)`;
  }
}

/** Source rows with an identity, a category and (when aggregated) a value; the category looked up when it lives elsewhere. */
function rowsCte(plan: DecilePlan, params: Params): string {
  const value = valueSql(plan, params);
  const categoryAlias = plan.lookup ? 'c' : 's';
  const category = col(categoryAlias, plan.category.name);
  const select = [
    `${col('s', plan.identity.name)} AS "identity"`,
    `CAST(${category} AS VARCHAR) AS "category"`,
    `CAST(${col('s', plan.time.name)} AS TIMESTAMP) AS "time"`,
    ...(value ? [`${value} AS "value"`] : []),
  ];
  const where = [`${col('s', plan.identity.name)} IS NOT NULL`, `${category} IS NOT NULL`];
  if (plan.metric.column) where.push(`${col('s', plan.metric.column.name)} IS NOT NULL`);
  const from = [`FROM ${q(plan.source)} AS "s"`];
  if (plan.lookup) from.push(`LEFT JOIN ${q(plan.lookup.table)} AS "c" ON ${col('c', plan.lookup.to.name)} = ${col('s', plan.lookup.from.name)}`);
  return `"rows" AS (\n  SELECT ${select.join(', ')}\n  ${from.join('\n  ')}\n  WHERE ${where.join(' AND ')}\n)`;
}

/** One aggregate per window, tagged with its label and position; UNION ALL of them. */
function aggregatedCte(plan: DecilePlan, params: Params): string {
  const agg = aggregateSql(plan);
  const parts = plan.windows.map((w, i) => {
    const where: string[] = [];
    if (w.start !== null) where.push(`"time" >= ${params.bind(`w${i}_start`, w.start, 'TIMESTAMP')}`);
    if (w.end !== null) where.push(`"time" < ${params.bind(`w${i}_end`, w.end, 'TIMESTAMP')}`);
    // A window with no bound still needs a time, except the unfiltered one (platform "all").
    if (!w.unfiltered && where.length === 0) where.push('"time" IS NOT NULL');
    const inner = `SELECT "identity", "category", ${agg} AS "metric" FROM "rows"${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY "identity", "category"`;
    return `  SELECT ${params.bind(`w${i}_key`, w.key, 'VARCHAR')} AS "lookback", ${i} AS "position", "identity", "category", "metric" FROM (${inner}) AS ${q(`a${i}`)}`;
  });
  return `"aggregated" AS (\n${parts.join('\n  UNION ALL\n')}\n)`;
}

function flatStatement(plan: DecilePlan): DecileStatement {
  const params = new Params();
  const ranked =
    `"ranked" AS (\n  SELECT *, NTILE(${plan.buckets}) OVER (PARTITION BY "lookback", "category" ORDER BY "metric" DESC, "identity" ASC) AS "decile"\n  FROM "aggregated"\n)`;
  const sql = [
    `CREATE OR REPLACE TABLE ${q(plan.tables.flat)} AS`,
    `WITH ${rowsCte(plan, params)},`,
    `${aggregatedCte(plan, params)},`,
    ranked,
    `SELECT "identity" AS ${q(plan.identity.name)}, "lookback" AS ${q(C.lookback)}, "category" AS ${q(C.category)}, "decile" AS ${q(C.decile)}, "metric" AS ${q(C.metric)}`,
    `FROM "ranked"`,
    `ORDER BY "position", "identity", "category"`,
  ].join('\n');
  return { table: plan.tables.flat, sql, params: params.values };
}

/** Text of the JSON string of a category, as JSON.stringify writes it: \\ and " escaped, control characters as \b \t \n \f \r or \u00xx. */
function jsonEscapeSql(expr: string): string {
  const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
  let out = `replace(replace(${expr}, '\\', '\\\\'), '"', '\\"')`;
  for (let code = 0; code < 0x20; code++) {
    const escaped = short[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    out = `replace(${out}, chr(${code}), '${escaped}')`;
  }
  return out;
}

function mapStatement(plan: DecilePlan): DecileStatement {
  const params = new Params();
  const id = plan.identity.name;
  const windows = plan.windows.map((w, i) => `(${params.bind(`w${i}_key`, w.key, 'VARCHAR')}, ${i})`).join(', ');
  const sql = [
    `CREATE OR REPLACE TABLE ${q(plan.tables.map)} AS`,
    `WITH "ids" AS (SELECT DISTINCT ${q(plan.identities.name)} AS "identity" FROM ${q(plan.identities.table)} WHERE ${q(plan.identities.name)} IS NOT NULL),`,
    `"windows" AS (SELECT * FROM (VALUES ${windows}) AS "w"("lookback", "position")),`,
    `"keys" AS (SELECT "category", ${jsonEscapeSql('"category"')} AS "key" FROM (SELECT DISTINCT ${q(C.category)} AS "category" FROM ${q(plan.tables.flat)}) AS "k"),`,
    `"maps" AS (`,
    `  SELECT ${col('f', id)} AS "identity", ${col('f', C.lookback)} AS "lookback",`,
    // Sorting each group's list is several times faster than string_agg(... ORDER BY ...) in DuckDB.
    `    '{' || array_to_string(list_transform(list_sort(list({'c': ${col('f', C.category)}, 't': '"' || "k"."key" || '":' || CAST(${col('f', C.decile)} AS VARCHAR)})), lambda e: e.t), ',') || '}' AS "deciles"`,
    `  FROM ${q(plan.tables.flat)} AS "f" JOIN "keys" AS "k" ON "k"."category" = ${col('f', C.category)}`,
    `  GROUP BY ${col('f', id)}, ${col('f', C.lookback)}`,
    `)`,
    `SELECT "i"."identity" AS ${q(id)}, "w"."lookback" AS ${q(C.lookback)}, "m"."deciles" AS ${q(C.deciles)}`,
    `FROM "ids" AS "i" CROSS JOIN "windows" AS "w"`,
    `LEFT JOIN "maps" AS "m" ON "m"."identity" = "i"."identity" AND "m"."lookback" = "w"."lookback"`,
    `ORDER BY "w"."position", "i"."identity"`,
  ].join('\n');
  return { table: plan.tables.map, sql, params: params.values };
}

/** The statements in execution order: the flat table first, as the map table is built from it. */
export function decileSql(plan: DecilePlan): DecileStatement[] {
  return [flatStatement(plan), mapStatement(plan)];
}
