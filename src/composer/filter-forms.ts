import type { FilterValue } from '../contracts/data-model.js';
import type { DateRange } from '../contracts/query.js';
import type { ComposerAttribute } from './attributes.js';
import { dateFilter, relativeDateRange, valuesFilter, type RelativeUnit } from './filters.js';
import type { ComposerFilter, DateFilter, RangeFilter } from './state.js';

/**
 * The filter dialog's forms as plain data: what a form starts with for a filter, what stops it
 * from being applied, and the filter it stands for once valid. Fields hold the text as typed.
 */

/** The forms of filter: values to include or exclude, a number range, a date range. */
export type FilterFormKind = 'values' | 'range' | 'date';
/** How a date range is given: two dates, the last N units, or a named period. */
export type DateMode = 'between' | 'last' | 'period';

export const RELATIVE_UNITS: readonly RelativeUnit[] = ['days', 'weeks', 'months', 'quarters', 'years'];
/** The named relative ranges the query contract knows besides "last N units". */
export const DATE_PERIODS = ['today', 'yesterday', 'this week', 'last week', 'this month', 'last month', 'this quarter', 'last quarter', 'this year', 'last year'] as const;
export type DatePeriod = (typeof DATE_PERIODS)[number];
/** The largest N of "the last N units". */
export const MAX_LAST_N = 9999;

/** The filter form's fields, as typed (strings until applied). */
export interface FilterForm {
  kind: FilterFormKind;
  exclude: boolean;
  selected: FilterValue[];
  lower: string;
  lowerInclusive: boolean;
  upper: string;
  upperInclusive: boolean;
  dateMode: DateMode;
  from: string;
  to: string;
  lastN: string;
  lastUnit: RelativeUnit;
  period: DatePeriod;
}

/** Ids of the fields a message can belong to (also the ids of their inputs). */
export type FilterFieldId = 'values' | 'range-lower' | 'range-upper' | 'date-from' | 'date-to' | 'last-n';
/** What stops a form from being applied, by field. */
export type FilterFormProblems = Partial<Record<FilterFieldId, string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isTemporal = (a: Pick<ComposerAttribute, 'type'>) => a.type === 'date' || a.type === 'timestamp';

/**
 * The forms a filter on `attribute` can take: dates and timestamps take date ranges; numbers that
 * are amounts (quantitative dimensions) take values or a range; codes, names and flags take
 * values; a number measure (filtered after aggregation) takes a range, and other measures none.
 */
export function filterKindsFor(attribute: Pick<ComposerAttribute, 'kind' | 'type' | 'fieldType'>): FilterFormKind[] {
  if (attribute.kind === 'measure') return attribute.type === 'number' || attribute.type === 'integer' ? ['range'] : [];
  if (isTemporal(attribute)) return ['date'];
  if (attribute.fieldType === 'quantitative') return ['values', 'range'];
  return ['values'];
}

export function emptyFilterForm(kind: FilterFormKind): FilterForm {
  return {
    kind,
    exclude: false,
    selected: [],
    lower: '',
    lowerInclusive: true,
    upper: '',
    upperInclusive: true,
    dateMode: 'between',
    from: '',
    to: '',
    lastN: '30',
    lastUnit: 'days',
    period: 'this month',
  };
}

/** The form fields of a date range; none for a range no date form writes. */
export function dateFormFields(range: DateRange): Partial<FilterForm> {
  if (typeof range !== 'string') return { dateMode: 'between', from: range[0].slice(0, 10), to: range[1].slice(0, 10) };
  const text = range.trim().toLowerCase().replace(/\s+/g, ' ');
  const last = /^last (\d{1,4}) (day|week|month|quarter|year)s?$/.exec(text);
  if (last) return { dateMode: 'last', lastN: last[1]!, lastUnit: `${last[2]}s` as RelativeUnit };
  const period = DATE_PERIODS.find((p) => p === text);
  return period ? { dateMode: 'period', period } : {};
}

/** The form of a new filter (one of `kinds`), or of the existing `filter`. */
export function filterFormFor(kinds: readonly FilterFormKind[], filter?: ComposerFilter): FilterForm {
  // A number is filtered by a range unless it is a code; the first form otherwise.
  const fallback = kinds.includes('range') ? 'range' : (kinds[0] ?? 'values');
  const form = emptyFilterForm(fallback);
  if (!filter || filter.kind === 'advanced' || !kinds.includes(filter.kind)) return form;
  switch (filter.kind) {
    case 'values':
      return { ...form, kind: 'values', selected: [...filter.values], exclude: filter.operator === 'notEquals' || filter.operator === 'notIn' };
    case 'range':
      return {
        ...form,
        kind: 'range',
        lower: filter.lower ? String(filter.lower.value) : '',
        lowerInclusive: filter.lower?.inclusive ?? true,
        upper: filter.upper ? String(filter.upper.value) : '',
        upperInclusive: filter.upper?.inclusive ?? true,
      };
    case 'date':
      return { ...form, kind: 'date', exclude: filter.exclude, ...dateFormFields(filter.range) };
  }
}

/** A range bound as typed: undefined when empty, NaN when not a number. */
export function parseBound(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A real calendar date as YYYY-MM-DD (input type=date gives "" for an incomplete one). */
export function isIsoDate(text: string): boolean {
  const ms = ISO_DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

function rangeProblems(form: FilterForm, out: FilterFormProblems): void {
  const lower = parseBound(form.lower);
  const upper = parseBound(form.upper);
  if (Number.isNaN(lower)) out['range-lower'] = 'Lower bound must be a number.';
  if (Number.isNaN(upper)) out['range-upper'] = 'Upper bound must be a number.';
  if (lower === undefined && upper === undefined) out['range-lower'] = 'Enter a lower bound, an upper bound, or both.';
  if (lower === undefined || upper === undefined || Number.isNaN(lower) || Number.isNaN(upper)) return;
  if (lower > upper) out['range-upper'] = `Upper bound must not be less than the lower bound (${lower}).`;
  else if (lower === upper && !(form.lowerInclusive && form.upperInclusive))
    out['range-upper'] = 'Upper bound equals the lower bound: include both bounds, or no value can match.';
}

function dateProblems(form: FilterForm, out: FilterFormProblems): void {
  if (form.dateMode === 'between') {
    if (!form.from) out['date-from'] = 'From date is required.';
    else if (!isIsoDate(form.from)) out['date-from'] = 'From date must be a date (YYYY-MM-DD).';
    if (!form.to) out['date-to'] = 'To date is required.';
    else if (!isIsoDate(form.to)) out['date-to'] = 'To date must be a date (YYYY-MM-DD).';
    if (!out['date-from'] && !out['date-to'] && form.from > form.to) out['date-to'] = 'To date must be on or after the From date.';
  } else if (form.dateMode === 'last') {
    const n = form.lastN.trim();
    if (!/^\d+$/.test(n) || Number(n) < 1 || Number(n) > MAX_LAST_N)
      out['last-n'] = `Number of ${form.lastUnit} must be a whole number from 1 to ${MAX_LAST_N.toLocaleString('en-US')}.`;
  }
}

/** What stops the form from being applied, by field, in the order of the fields; each message names its field. */
export function filterFormProblems(form: FilterForm): FilterFormProblems {
  const out: FilterFormProblems = {};
  if (form.kind === 'values') {
    if (form.selected.length === 0) out.values = 'Choose at least one value.';
  } else if (form.kind === 'range') rangeProblems(form, out);
  else dateProblems(form, out);
  return out;
}

/** The member a filter form edits: the edited filter's, else the attribute's. */
export function filterFormMember(attribute: Pick<ComposerAttribute, 'key'>, edited?: ComposerFilter): string {
  return edited && edited.kind !== 'advanced' ? edited.member : attribute.key;
}

/**
 * A bound of the edited range written with a time ("2024-01-01T06:00:00Z") shows as its day in
 * the date input; left on that day, it keeps the time it had, so an unchanged filter stays identical.
 */
function keptBound(day: string, before: DateFilter | undefined, i: 0 | 1): string {
  const original = before && typeof before.range !== 'string' ? before.range[i] : undefined;
  return original !== undefined && original.slice(0, 10) === day ? original : day;
}

/** The filter a valid form stands for, on `member`; `edited` is the filter the form was opened on. */
export function filterFromForm(form: FilterForm, member: string, edited?: ComposerFilter): ComposerFilter {
  switch (form.kind) {
    case 'values':
      return valuesFilter(member, form.selected, form.exclude);
    case 'range': {
      const lower = parseBound(form.lower);
      const upper = parseBound(form.upper);
      const out: RangeFilter = { kind: 'range', member };
      if (lower !== undefined) out.lower = { value: lower, inclusive: form.lowerInclusive };
      if (upper !== undefined) out.upper = { value: upper, inclusive: form.upperInclusive };
      return out;
    }
    case 'date': {
      const before = edited?.kind === 'date' ? edited : undefined;
      const range: DateRange =
        form.dateMode === 'between'
          ? [keptBound(form.from, before, 0), keptBound(form.to, before, 1)]
          : form.dateMode === 'last'
            ? relativeDateRange(Number(form.lastN.trim()), form.lastUnit)
            : form.period;
      // What the edited filter records beyond the form (where it sits in the spec) is kept, and an
      // included range that was a query filter stays one.
      const out: DateFilter = { ...(before ?? {}), ...dateFilter(member, range, form.exclude) };
      if (before?.placement === 'filter') out.placement = 'filter';
      return out;
    }
  }
}

/** A key that tells 1 from "1" and true from "true", for comparing chosen values. */
export const filterValueKey = (v: FilterValue): string => `${typeof v}:${String(v)}`;

/** Whether `value` is among `selected`. */
export function isChosenValue(selected: readonly FilterValue[], value: FilterValue): boolean {
  const key = filterValueKey(value);
  return selected.some((v) => filterValueKey(v) === key);
}

/** `selected` without `value`. */
export function withoutValue(selected: readonly FilterValue[], value: FilterValue): FilterValue[] {
  const key = filterValueKey(value);
  return selected.filter((v) => filterValueKey(v) !== key);
}

/** `selected` with `value` added at the end, or taken out when it was chosen. */
export function toggleValue(selected: readonly FilterValue[], value: FilterValue): FilterValue[] {
  return isChosenValue(selected, value) ? withoutValue(selected, value) : [...selected, value];
}
