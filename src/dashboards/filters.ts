import type { DataModel } from '../contracts/data-model.js';
import { Granularity, MemberName, type DateRange, type FilterLeaf, type SemanticQuery, type TimeDimension } from '../contracts/query.js';
import type { ScalarValue } from '../contracts/result.js';
import { addPeriods, formatDate, formatTimestamp, parseInstant, resolveDateRange, truncate, type Interval } from '../query/dates.js';
import { planQuery } from '../query/plan.js';
import { findSqlParameters } from '../query/sql-params.js';
import type { Encoding, WidgetSpec } from '../widgets/spec.js';
import {
  DateRangeValueSchema,
  type CrossFilter,
  type DashboardFilterState,
  type DashboardSpec,
  type DashboardWidget,
  type DateRangeValue,
  type GlobalFilter,
} from './spec.js';

/**
 * Dashboard filters → the spec each widget runs. Values never become SQL or query text: semantic
 * widgets get filter leaves and time-dimension ranges, SQL widgets get bound parameters only.
 */

const DAY = 86_400_000;

/** What one widget runs once the dashboard's filters are applied, and what was left out and why. */
export interface EffectiveWidget {
  /** The spec to run: the widget's spec with the filters in its query or SQL parameters. */
  spec: WidgetSpec;
  applied: {
    /** The dates the widget is narrowed to, e.g. "2024-01-01 – 2024-03-31". */
    dateRange?: string;
    /** Ids of the global filters that narrow it. */
    global: string[];
    /** The widget whose click narrows it. */
    cross?: string;
  };
  /** Filters the widget opted into that could not narrow it ("dateRange", a global filter id, or "crossFilter"). */
  skipped: Array<{ filter: string; reason: string }>;
}

export interface ApplyFilterOptions {
  /** Resolves relative ranges (epoch ms or an ISO date/timestamp). */
  now: string | number;
  /** When given, a filter the widget's query cannot reach is skipped instead of breaking the widget. */
  model?: DataModel;
}

function toMs(now: string | number): number {
  const ms = typeof now === 'number' ? now : parseInstant(now);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid "now": ${String(now)}`);
  return ms;
}

const dateRangeOf = (value: DateRangeValue): DateRange => (value.kind === 'preset' ? value.preset : [value.from, value.to]);

/** An interval as an inclusive [from, to]: calendar dates when it is whole days, else timestamps. */
function inclusiveRange(i: Interval): [string, string] {
  const wholeDays = i.start % DAY === 0 && i.end % DAY === 0;
  return wholeDays ? [formatDate(i.start), formatDate(i.end - DAY)] : [formatTimestamp(i.start), formatTimestamp(i.end - 1)];
}

/** "2024-01-01 – 2024-03-31" for a range resolved against `now`. */
export function describeDateRange(value: DateRangeValue, now: string | number): string {
  const [from, to] = inclusiveRange(resolveDateRange(dateRangeOf(value), toMs(now)));
  return `${from} – ${to}`;
}

/** The state a dashboard opens with: its default date range and each global filter's default values. */
export function initialFilterState(dashboard: DashboardSpec): DashboardFilterState {
  const range = dashboard.filters.dateRange?.default;
  return {
    ...(range ? { dateRange: range } : {}),
    global: Object.fromEntries(dashboard.filters.global.map((f) => [f.id, [...f.default]])),
  };
}

/** The dashboard's filters applied to one widget. */
export function applyDashboardFilters(
  widget: DashboardWidget,
  dashboard: DashboardSpec,
  state: DashboardFilterState,
  options: ApplyFilterOptions,
): EffectiveWidget {
  const now = toMs(options.now);
  const out: EffectiveWidget = { spec: widget.spec, applied: { global: [] }, skipped: [] };
  const skip = (filter: string, reason: string) => out.skipped.push({ filter, reason });

  let range: DateRangeValue | undefined;
  if (widget.filters.dateRange && dashboard.filters.dateRange && state.dateRange) {
    const parsed = DateRangeValueSchema.safeParse(state.dateRange);
    if (parsed.success) range = parsed.data;
    else skip('dateRange', `the chosen date range is invalid: ${parsed.error.issues[0]?.message ?? 'unknown value'}`);
  }
  const globals = widget.filters.global.flatMap((id) => {
    const filter = dashboard.filters.global.find((f) => f.id === id);
    if (!filter) skip(id, `the dashboard has no global filter "${id}"`);
    return filter ? [{ filter, values: state.global[id] ?? [] }] : [];
  });
  let cross: CrossFilter | undefined;
  if (widget.filters.crossFilter && state.cross && state.cross.sourceWidgetId !== widget.id) {
    if (dashboard.widgets.some((w) => w.id === state.cross!.sourceWidgetId)) cross = state.cross;
    else skip('crossFilter', `the widget "${state.cross.sourceWidgetId}" that set it is no longer on the dashboard`);
  }

  const request: FilterRequest = { dashboard, range, globals, cross, now, model: options.model };
  if (widget.spec.data.kind === 'semantic') applySemantic(widget.spec, widget.spec.data.query, request, out, skip);
  else applySql(widget.spec, widget.spec.data, request, out, skip);
  return out;
}

interface FilterRequest {
  dashboard: DashboardSpec;
  range?: DateRangeValue;
  globals: Array<{ filter: GlobalFilter; values: Array<string | number | boolean> }>;
  cross?: CrossFilter;
  now: number;
  model?: DataModel;
}
type Skip = (filter: string, reason: string) => void;

/** Why a query does not plan against the model, or undefined when it does. */
function planProblem(model: DataModel, query: SemanticQuery, now: number): string | undefined {
  try {
    planQuery(model, query, { now: formatTimestamp(now) });
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function applySemantic(spec: WidgetSpec, original: SemanticQuery, req: FilterRequest, out: EffectiveWidget, skip: Skip): void {
  let query = original;
  // Only a query that plans on its own can tell which filters it cannot reach.
  const check = req.model && !planProblem(req.model, original, req.now) ? req.model : undefined;
  const tryQuery = (filter: string, candidate: SemanticQuery): boolean => {
    const problem = check && planProblem(check, candidate, req.now);
    if (problem) skip(filter, problem);
    else query = candidate;
    return !problem;
  };

  const rangeFilter = req.dashboard.filters.dateRange;
  if (req.range && rangeFilter) {
    const dateRange = dateRangeOf(req.range);
    const [first, ...rest] = query.timeDimensions;
    const timeDimensions: TimeDimension[] = first ? [{ ...first, dateRange }, ...rest] : [{ dimension: rangeFilter.dimension, dateRange }];
    if (tryQuery('dateRange', { ...query, timeDimensions })) out.applied.dateRange = describeDateRange(req.range, req.now);
  }

  for (const { filter, values } of req.globals) {
    if (values.length === 0) continue;
    // equals takes exactly one value; several values are one `in`.
    const leaf: FilterLeaf = { member: filter.member, operator: values.length === 1 ? 'equals' : 'in', values: [...values] };
    if (tryQuery(filter.id, { ...query, filters: [...query.filters, leaf] })) out.applied.global.push(filter.id);
  }

  if (req.cross) {
    let any = false;
    for (const [field, value] of Object.entries(req.cross.values)) {
      const next = crossFilterQuery(query, field, value, req);
      if (typeof next === 'string') skip('crossFilter', next);
      else if (tryQuery('crossFilter', next)) any = true;
    }
    if (any) out.applied.cross = req.cross.sourceWidgetId;
  }

  out.spec = { ...spec, data: { kind: 'semantic', query } };
}

const TIME_KEY = new RegExp(`^(.+)\\.(${Granularity.options.join('|')})$`);

/** The query narrowed to one clicked value, or why that field cannot narrow it. */
function crossFilterQuery(query: SemanticQuery, field: string, value: ScalarValue, req: FilterRequest): SemanticQuery | string {
  const timeKey = TIME_KEY.exec(field);
  if (timeKey && MemberName.safeParse(timeKey[1]).success && ['temporal', 'unknown'].includes(memberKind(req.model, timeKey[1]!))) {
    return crossPeriodQuery(query, timeKey[1]!, Granularity.parse(timeKey[2]), value, req.now);
  }
  if (!MemberName.safeParse(field).success) return `"${field}" is not a member of the data model`;
  const kind = memberKind(req.model, field);
  if (kind === 'measure') return `"${field}" is a measure; only dimensions filter other widgets`;
  if (kind === 'none') return `"${field}" is not a member of the data model`;
  const leaf: FilterLeaf =
    value === null ? { member: field, operator: 'notSet', values: [] } : { member: field, operator: 'equals', values: [value] };
  return { ...query, filters: [...query.filters, leaf] };
}

/** What a "table.member" is in the model; without a model it is unknown and taken for a dimension. */
function memberKind(model: DataModel | undefined, member: string): 'dimension' | 'temporal' | 'measure' | 'none' | 'unknown' {
  if (!model) return 'unknown';
  const [table, name] = member.split('.');
  const column = model.tables.find((t) => t.name === table)?.columns.find((c) => c.name === name);
  if (column) return column.type === 'date' || column.type === 'timestamp' ? 'temporal' : 'dimension';
  return model.measures.some((m) => m.table === table && m.name === name) ? 'measure' : 'none';
}

/**
 * A click on a period ("transactions.ts.month" = 2024-02-01) narrows the widget to that period:
 * the time dimension on the same column takes the overlap with its own range (so a big number's
 * previous-period comparison follows); otherwise an inDateRange filter is added.
 */
function crossPeriodQuery(query: SemanticQuery, dimension: string, granularity: Granularity, value: ScalarValue, now: number): SemanticQuery | string {
  if (value === null) return { ...query, filters: [...query.filters, { member: dimension, operator: 'notSet', values: [] }] };
  const at = typeof value === 'number' ? value : parseInstant(String(value));
  if (!Number.isFinite(at)) return `"${String(value)}" is not a date, so it cannot narrow "${dimension}"`;
  const start = truncate(at, granularity);
  const period = { start, end: addPeriods(start, granularity, 1) };
  const index = query.timeDimensions.findIndex((t) => t.dimension === dimension);
  const own = query.timeDimensions[index];
  if (own) {
    const current = own.dateRange === undefined ? period : resolveDateRange(own.dateRange, now);
    const overlap = { start: Math.max(current.start, period.start), end: Math.min(current.end, period.end) };
    if (overlap.start < overlap.end) {
      const timeDimensions = query.timeDimensions.map((t, i) => (i === index ? { ...t, dateRange: inclusiveRange(overlap) } : t));
      return { ...query, timeDimensions };
    }
  }
  // No overlap keeps both conditions, so the widget correctly shows no rows.
  return { ...query, filters: [...query.filters, { member: dimension, operator: 'inDateRange', values: inclusiveRange(period) }] };
}

/** SQL widgets: only `data.params` changes; the SQL text is never touched. */
function applySql(spec: WidgetSpec, data: Extract<WidgetSpec['data'], { kind: 'sql' }>, req: FilterRequest, out: EffectiveWidget, skip: Skip): void {
  const names = new Set(findSqlParameters(data.sql));
  const params: Record<string, ScalarValue> = { ...data.params };

  if (req.range && req.dashboard.filters.dateRange) {
    if (!names.has('START_DATE') && !names.has('END_DATE')) skip('dateRange', "the SQL uses neither '$START_DATE' nor '$END_DATE'");
    else {
      const i = resolveDateRange(dateRangeOf(req.range), req.now);
      // Both bounds are calendar dates and both are inclusive.
      if (names.has('START_DATE')) params.START_DATE = formatDate(i.start);
      if (names.has('END_DATE')) params.END_DATE = formatDate(i.end - 1);
      out.applied.dateRange = describeDateRange(req.range, req.now);
    }
  }

  for (const { filter, values } of req.globals) {
    if (!filter.param) skip(filter.id, 'the filter has no SQL parameter');
    else if (!names.has(filter.param)) skip(filter.id, `the SQL does not use '$${filter.param}'`);
    else {
      params[filter.param] = values.map(String).join(',');
      if (values.length > 0) out.applied.global.push(filter.id);
    }
  }

  if (req.cross) {
    let any = false;
    for (const [field, value] of Object.entries(req.cross.values)) {
      if (names.has(field)) {
        params[field] = value;
        any = true;
      } else skip('crossFilter', `the SQL has no parameter named "${field}"`);
    }
    if (any) out.applied.cross = req.cross.sourceWidgetId;
  }

  out.spec = { ...spec, data: { ...data, params } };
}

/** Values a click hands on: dates become ISO text; anything else that is not a scalar is left out. */
function scalar(value: unknown): ScalarValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  return undefined;
}

/** The fields a "filter" click uses when the spec names none: x then color (a donut: color), never a measure axis. */
function defaultClickFields(spec: WidgetSpec): string[] {
  const e = spec.encodings;
  const categorical = (c: Encoding | undefined) => (c && c.type !== 'quantitative' ? [c.field] : []);
  const fields = spec.mark === 'donut' ? categorical(e.color) : [...categorical(e.x), ...categorical(e.color)];
  // A horizontal bar has its categories on y.
  return fields.length ? fields : categorical(e.y);
}

/** The cross-filter values of a click on `datum`, when the widget's click interaction is "filter". */
export function crossFilterFromClick(spec: WidgetSpec, datum: Readonly<Record<string, unknown>>): Record<string, ScalarValue> | undefined {
  const click = spec.interactions.click;
  if (click.kind !== 'filter') return undefined;
  const values: Record<string, ScalarValue> = {};
  for (const field of click.fields ?? defaultClickFields(spec)) {
    const v = Object.prototype.hasOwnProperty.call(datum, field) ? scalar(datum[field]) : undefined;
    if (v !== undefined) values[field] = v;
  }
  return Object.keys(values).length ? values : undefined;
}

/** Where a "drill" click leads: the dashboard and its parameters taken from the clicked datum. */
export function drillParameters(
  spec: WidgetSpec,
  datum: Readonly<Record<string, unknown>>,
): { dashboardId: string; parameters: Record<string, ScalarValue> } | undefined {
  const click = spec.interactions.click;
  if (click.kind !== 'drill') return undefined;
  const parameters: Record<string, ScalarValue> = {};
  for (const [name, field] of Object.entries(click.parameters ?? {})) {
    const v = Object.prototype.hasOwnProperty.call(datum, field) ? scalar(datum[field]) : undefined;
    if (v !== undefined) parameters[name] = v;
  }
  return { dashboardId: click.dashboardId, parameters };
}

/** A readable name for a result field: the source widget's title for it, else its column name. */
function fieldLabel(spec: WidgetSpec | undefined, field: string): string {
  const titled = spec && [...Object.values(spec.encodings), ...(spec.properties.table?.columns ?? [])].find((e) => e?.field === field && e.title);
  if (titled?.title) return titled.title;
  const time = TIME_KEY.exec(field);
  const column = (time ? time[1]! : field).split('.').pop()!.replace(/_/g, ' ');
  return time ? `${column} (${time[2]})` : column;
}

const showValue = (v: ScalarValue) => (v === null ? '(empty)' : String(v));

/** A short line for an "active filters" summary, e.g. "Purchase date: last 90 days · Loyalty tier: Gold, Platinum". */
export function describeFilterState(dashboard: DashboardSpec, state: DashboardFilterState): string {
  const parts: string[] = [];
  const rangeFilter = dashboard.filters.dateRange;
  if (rangeFilter && state.dateRange) {
    const r = state.dateRange;
    parts.push(`${rangeFilter.label}: ${r.kind === 'preset' ? r.preset : `${r.from} – ${r.to}`}`);
  }
  for (const f of dashboard.filters.global) {
    const values = state.global[f.id] ?? [];
    if (values.length) parts.push(`${f.label}: ${values.map(String).join(', ')}`);
  }
  if (state.cross) {
    const source = dashboard.widgets.find((w) => w.id === state.cross!.sourceWidgetId)?.spec;
    const values = Object.entries(state.cross.values).map(([field, v]) => `${fieldLabel(source, field)} = ${showValue(v)}`);
    if (values.length) parts.push(`${source?.title ?? state.cross.sourceWidgetId}: ${values.join(', ')}`);
  }
  return parts.length ? parts.join(' · ') : 'No filters';
}

/** At most this many choices are listed; a search narrows them. */
export const FILTER_OPTIONS_LIMIT = 200;

export type FilterOptionsRequest =
  | { kind: 'semantic'; query: SemanticQuery }
  | { kind: 'sql'; sql: string; params: Record<string, ScalarValue> };

/** What to run for a global filter's list of choices, narrowed to labels containing `search` (any case). */
export function filterOptionsQuery(filter: GlobalFilter, search?: string): FilterOptionsRequest {
  const text = search?.trim() ?? '';
  const source = filter.options;
  if (source.kind === 'sql') {
    const params: Record<string, ScalarValue> = findSqlParameters(source.sql).includes('SEARCH') ? { SEARCH: text } : {};
    return { kind: 'sql', sql: source.sql, params };
  }
  const query: SemanticQuery = { ...source.query, limit: Math.min(source.query.limit, FILTER_OPTIONS_LIMIT) };
  if (text && MemberName.safeParse(source.labelField).success) {
    query.filters = [...query.filters, { member: source.labelField, operator: 'contains', values: [text] }];
  }
  return { kind: 'semantic', query };
}
