import type { FilterValue } from '../contracts/data-model.js';
import { DateRange, type FilterLeaf, type FilterNode } from '../contracts/query.js';
import type { ComposerAttribute } from './attributes.js';
import type { ComposerFilter, DateFilter, RangeBound, RangeFilter, ValuesFilter } from './state.js';

/**
 * Composer filters and the query filters they stand for. Each composer filter is one top-level
 * filter node (a date filter may instead be a time dimension's dateRange, see to-spec.ts); a node
 * no form fits is kept as an advanced filter, so opening a spec never loses or rewrites a filter.
 */

/** A filter that keeps (or drops) rows whose member is one of `values`. */
export function valuesFilter(member: string, values: FilterValue[], exclude = false): ValuesFilter {
  const operator = values.length === 1 ? (exclude ? 'notEquals' : 'equals') : exclude ? 'notIn' : 'in';
  return { kind: 'values', member, operator, values: [...values] };
}

export function isExcluding(f: ValuesFilter | DateFilter): boolean {
  return f.kind === 'values' ? f.operator === 'notEquals' || f.operator === 'notIn' : f.exclude;
}

export type RelativeUnit = 'days' | 'weeks' | 'months' | 'quarters' | 'years';

/** "last N days" and the like: the N whole units before the current one. */
export function relativeDateRange(n: number, unit: RelativeUnit): string {
  return `last ${n} ${unit}`;
}

/** A date filter; an excluded range can only be a query filter, so it goes there. */
export function dateFilter(member: string, range: DateRange, exclude = false): DateFilter {
  return { kind: 'date', member, range: typeof range === 'string' ? range : [range[0], range[1]], exclude, placement: exclude ? 'filter' : 'timeDimension' };
}

const lowerLeaf = (member: string, b: RangeBound): FilterLeaf => ({ member, operator: b.inclusive ? 'gte' : 'gt', values: [b.value] });
const upperLeaf = (member: string, b: RangeBound): FilterLeaf => ({ member, operator: b.inclusive ? 'lte' : 'lt', values: [b.value] });

/** The query filter node of a composer filter placed in query.filters. */
export function filterToNode(f: Exclude<ComposerFilter, DateFilter> | DateFilter): FilterNode {
  switch (f.kind) {
    case 'values':
      return { member: f.member, operator: f.operator, values: [...f.values] };
    case 'range': {
      const parts = [...(f.lower ? [lowerLeaf(f.member, f.lower)] : []), ...(f.upper ? [upperLeaf(f.member, f.upper)] : [])];
      // A range without bounds is unfinished: written as a comparison without a value, which the
      // planner refuses and explainState names, rather than silently dropped.
      if (parts.length === 0) return { member: f.member, operator: 'gte', values: [] };
      return parts.length === 1 ? parts[0]! : { and: parts };
    }
    case 'date':
      return { member: f.member, operator: f.exclude ? 'notInDateRange' : 'inDateRange', values: typeof f.range === 'string' ? [f.range] : [f.range[0], f.range[1]] };
    case 'advanced':
      return structuredClone(f.node);
  }
}

const isLeaf = (n: FilterNode): n is FilterLeaf => !('and' in n) && !('or' in n);

function bound(leaf: FilterLeaf, ops: readonly [strict: string, inclusive: string]): RangeBound | undefined {
  const v = leaf.values[0];
  if (leaf.values.length !== 1 || typeof v !== 'number' || !ops.includes(leaf.operator)) return undefined;
  return { value: v, inclusive: leaf.operator === ops[1] };
}
const LOWER = ['gt', 'gte'] as const;
const UPPER = ['lt', 'lte'] as const;

function rangeOf(node: FilterNode): RangeFilter | undefined {
  if (isLeaf(node)) {
    const lower = bound(node, LOWER);
    const upper = bound(node, UPPER);
    if (lower) return { kind: 'range', member: node.member, lower };
    if (upper) return { kind: 'range', member: node.member, upper };
    return undefined;
  }
  if (!('and' in node) || node.and.length !== 2) return undefined;
  const [a, b] = node.and;
  if (!a || !b || !isLeaf(a) || !isLeaf(b) || a.member !== b.member) return undefined;
  const lower = bound(a, LOWER);
  const upper = bound(b, UPPER);
  return lower && upper ? { kind: 'range', member: a.member, lower, upper } : undefined;
}

/** The date range of an inDateRange leaf's values, when they form one. */
export function dateRangeOf(values: readonly FilterValue[]): DateRange | undefined {
  const candidate = values.length === 1 ? values[0] : values.length === 2 ? [values[0], values[1]] : undefined;
  const r = DateRange.safeParse(candidate);
  return r.success ? r.data : undefined;
}

/** The composer filter for a top-level query filter node: the form that writes it back unchanged, else advanced. */
export function nodeToFilter(node: FilterNode): ComposerFilter {
  const range = rangeOf(node);
  if (range) return range;
  if (isLeaf(node)) {
    const { member, operator, values } = node;
    if ((operator === 'equals' || operator === 'notEquals') && values.length === 1) return { kind: 'values', member, operator, values: [...values] };
    if ((operator === 'in' || operator === 'notIn') && values.length > 0) return { kind: 'values', member, operator, values: [...values] };
    if (operator === 'inDateRange' || operator === 'notInDateRange') {
      const r = dateRangeOf(values);
      if (r) return { kind: 'date', member, range: r, exclude: operator === 'notInDateRange', placement: 'filter' };
    }
  }
  return { kind: 'advanced', node: structuredClone(node) };
}

/** Every member a filter names. */
export function filterMembers(f: ComposerFilter): string[] {
  if (f.kind !== 'advanced') return [f.member];
  const walk = (n: FilterNode): string[] => ('and' in n ? n.and.flatMap(walk) : 'or' in n ? n.or.flatMap(walk) : [n.member]);
  return [...new Set(walk(f.node))];
}

const show = (v: FilterValue) => (typeof v === 'string' ? v : String(v));
const SYMBOLS: Record<string, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', equals: '=', notEquals: '≠' };

function describeNode(n: FilterNode, label: (member: string) => string): string {
  if ('and' in n) return n.and.map((x) => describeNode(x, label)).join(' and ');
  if ('or' in n) return `(${n.or.map((x) => describeNode(x, label)).join(' or ')})`;
  const values = n.values.map(show).join(', ');
  const sym = SYMBOLS[n.operator];
  if (sym) return `${label(n.member)} ${sym} ${values}`;
  if (n.operator === 'set' || n.operator === 'notSet') return `${label(n.member)} ${n.operator === 'set' ? 'is set' : 'is not set'}`;
  return `${label(n.member)} ${n.operator} ${values}`;
}

/** One line for a filter chip: "Loyalty tier is Gold or Platinum", "Amount ≥ 10 and < 100", "Purchase time in last 90 days". */
export function describeFilter(f: ComposerFilter, attributes: readonly ComposerAttribute[] = []): string {
  const label = (member: string) => attributes.find((a) => a.key === member)?.label ?? member;
  switch (f.kind) {
    case 'values': {
      const list = f.values.map(show).join(' or ');
      return `${label(f.member)} ${isExcluding(f) ? 'is not' : 'is'} ${list || '(no values)'}`;
    }
    case 'range':
      return f.lower || f.upper ? describeNode(filterToNode(f), label) : `${label(f.member)} (any value)`;
    case 'date': {
      const range = typeof f.range === 'string' ? f.range : `${f.range[0]} – ${f.range[1]}`;
      return `${label(f.member)} ${f.exclude ? 'not in' : 'in'} ${range}`;
    }
    case 'advanced':
      return describeNode(f.node, label);
  }
}
