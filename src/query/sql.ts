import type { ScalarValue } from '../contracts/result.js';
import type { Granularity } from '../contracts/query.js';
import { formatTimestamp } from './dates.js';
import type { Bind, OperandKind } from './operators.js';
import { leafSql } from './operators.js';
import type { DimensionRef, MeasureRef, PlannedFilter, PlannedLeaf, QueryPlan } from './plan.js';

/**
 * Compiles a plan to DuckDB SQL. Identifiers come only from the data model and are always quoted;
 * every value from the query is a bound parameter (positional "?", listed in `params`).
 */

export interface CompiledSql {
  sql: string;
  params: ScalarValue[];
  /** The un-limited row count, when the query asked for `total`. */
  count?: { sql: string; params: ScalarValue[] };
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const col = (alias: string, name: string) => `${quoteIdentifier(alias)}.${quoteIdentifier(name)}`;

/** A bound-parameter list; temporal values are bound as UTC timestamps. */
class Params {
  readonly values: ScalarValue[] = [];
  readonly bind: Bind = (value, kind) => {
    if (kind === 'temporal') {
      this.values.push(formatTimestamp(value as number).replace('T', ' ').replace('Z', ''));
      return 'CAST(? AS TIMESTAMP)';
    }
    this.values.push(value);
    return '?';
  };
}

/** The expression a filter compares: temporal columns as TIMESTAMP so dates and timestamps compare alike. */
function operandSql(alias: string, name: string, kind: OperandKind): string {
  return kind === 'temporal' ? `CAST(${col(alias, name)} AS TIMESTAMP)` : col(alias, name);
}

const DATE_FORMAT = "'%Y-%m-%d'";
const TIMESTAMP_FORMAT = "'%Y-%m-%dT%H:%M:%S.%gZ'";

function outputTemporal(expr: string, type: 'date' | 'timestamp'): string {
  return `strftime(${expr}, ${type === 'date' ? DATE_FORMAT : TIMESTAMP_FORMAT})`;
}

function dimensionOutput(d: DimensionRef): string {
  if (d.granularity) return outputTemporal(`date_trunc('${d.granularity satisfies Granularity}', CAST(${col(d.alias, d.column.name)} AS TIMESTAMP))`, 'date');
  if (d.column.type === 'date' || d.column.type === 'timestamp') return outputTemporal(`CAST(${col(d.alias, d.column.name)} AS TIMESTAMP)`, d.column.type);
  return col(d.alias, d.column.name);
}

function aggregateSql(m: MeasureRef, params: Params, base: string): string {
  const agg = m.measure.aggregation;
  const kind: OperandKind = m.column && (m.column.type === 'date' || m.column.type === 'timestamp') ? 'temporal' : 'number';
  const arg = m.column ? operandSql(base, m.column.name, kind) : '*';
  const filter = m.filter.length ? ` FILTER (WHERE ${m.filter.map((f) => filterSql(f, params)).join(' AND ')})` : '';
  switch (agg) {
    case 'count':
      return `COUNT(${arg})${filter}`;
    case 'countDistinct':
      return `COUNT(DISTINCT ${arg})${filter}`;
    case 'sum':
      return `CAST(SUM(${arg})${filter} AS ${m.outputType === 'integer' ? 'BIGINT' : 'DOUBLE'})`;
    case 'avg':
      return `AVG(${arg})${filter}`;
    case 'min':
    case 'max':
      return `${agg.toUpperCase()}(${arg})${filter}`;
  }
}

function measureOutput(m: MeasureRef, params: Params, base: string): string {
  const expr = aggregateSql(m, params, base);
  return m.outputType === 'date' || m.outputType === 'timestamp' ? outputTemporal(expr, m.outputType) : expr;
}

function leafOperand(l: PlannedLeaf, params: Params, base: string): string {
  if (l.target.type === 'measure') return aggregateSql(l.target.ref, params, base);
  const d = l.target.ref;
  return operandSql(d.alias, d.column.name, l.kind);
}

function filterSql(f: PlannedFilter, params: Params, base = 't0'): string {
  if ('and' in f) return `(${f.and.map((x) => filterSql(x, params, base)).join(' AND ')})`;
  if ('or' in f) return `(${f.or.map((x) => filterSql(x, params, base)).join(' OR ')})`;
  return leafSql(f.leaf.operator, leafOperand(f, params, base), f.values, params.bind, f.kind);
}

/** FROM, joins, WHERE, GROUP BY and HAVING: everything but ordering and paging. */
function body(plan: QueryPlan, params: Params, select: string[]): string {
  const base = 't0';
  const parts = [`SELECT ${select.join(', ')}`, `FROM ${quoteIdentifier(plan.base.name)} AS ${quoteIdentifier(base)}`];
  for (const j of plan.joins) {
    parts.push(
      `LEFT JOIN ${quoteIdentifier(j.table.name)} AS ${quoteIdentifier(j.alias)} ON ${col(j.alias, j.relation.to.column)} = ${col(j.fromAlias, j.relation.from.column)}`,
    );
  }
  if (plan.where.length) parts.push(`WHERE ${plan.where.map((w) => filterSql(w, params)).join(' AND ')}`);
  if (plan.dimensions.length) parts.push(`GROUP BY ${plan.dimensions.map((_, i) => i + 1).join(', ')}`);
  if (plan.having.length) parts.push(`HAVING ${plan.having.map((h) => filterSql(h, params)).join(' AND ')}`);
  return parts.join('\n');
}

export function compileToSql(plan: QueryPlan): CompiledSql {
  const build = (paged: boolean) => {
    const params = new Params();
    const select = [
      ...plan.dimensions.map((d) => `${dimensionOutput(d)} AS ${quoteIdentifier(d.key)}`),
      ...plan.measures.filter((m) => m.output).map((m) => `${measureOutput(m, params, 't0')} AS ${quoteIdentifier(m.key)}`),
    ];
    let sql = body(plan, params, select);
    if (paged) {
      if (plan.order.length) sql += `\nORDER BY ${plan.order.map((o) => `${quoteIdentifier(o.key)} ${o.direction.toUpperCase()} NULLS LAST`).join(', ')}`;
      params.values.push(plan.limit, plan.offset);
      sql += '\nLIMIT ? OFFSET ?';
    }
    return { sql, params: params.values };
  };
  const main = build(true);
  if (!plan.total) return main;
  const inner = build(false);
  return { ...main, count: { sql: `SELECT COUNT(*) AS "total" FROM (\n${inner.sql}\n) AS "q"`, params: inner.params } };
}
