import { DateRangeValueSchema, type DateRangeFilter, type DateRangeValue } from '../../src/dashboards/spec.js';
import { isDateOnly, parseInstant, resolveDateRange } from '../../src/query/dates.js';

/**
 * The date range control's draft and its checks: which choice the select shows, the custom From/To
 * texts, the dates a preset stands for, and the problems that keep a custom range from being applied.
 */

/** The select's value for "All dates". */
export const ALL_DATES = '';
/** The select's value for "Custom range…". */
export const CUSTOM_RANGE = 'custom';
const PRESET_PREFIX = 'preset:';

export interface DateDraft {
  /** ALL_DATES, CUSTOM_RANGE, or "preset:<range>". */
  choice: string;
  /** Custom bounds as typed (YYYY-MM-DD), kept while another choice is shown. */
  from: string;
  to: string;
}

export type DateField = 'from' | 'to';
export type DateErrors = ReadonlyMap<DateField, string>;

const DAY = 86_400_000;
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export const presetChoice = (preset: string): string => `${PRESET_PREFIX}${preset}`;

/** The preset of a choice, or undefined for all dates and custom. */
export const presetOf = (choice: string): string | undefined => (choice.startsWith(PRESET_PREFIX) ? choice.slice(PRESET_PREFIX.length) : undefined);

/** "last 30 days" → "Last 30 days". */
export const presetLabel = (preset: string): string => preset.charAt(0).toUpperCase() + preset.slice(1);

/** A date as the hints show it: "Mar 1, 2024". */
export const formatDay = (ms: number): string => dateFormat.format(ms);

/** The draft that shows an applied range (or all dates). */
export function dateDraftOf(value: DateRangeValue | undefined): DateDraft {
  if (!value) return { choice: ALL_DATES, from: '', to: '' };
  if (value.kind === 'preset') return { choice: presetChoice(value.preset), from: '', to: '' };
  return { choice: CUSTOM_RANGE, from: value.from.slice(0, 10), to: value.to.slice(0, 10) };
}

/** The select's entries: All dates, every preset (and the applied one if the spec no longer offers it), Custom. */
export function dateChoices(filter: DateRangeFilter, draft: DateDraft): Array<{ value: string; label: string }> {
  const presets = [...filter.presets];
  const current = presetOf(draft.choice);
  if (current && !presets.some((p) => p.toLowerCase() === current.toLowerCase())) presets.push(current);
  return [
    { value: ALL_DATES, label: 'All dates' },
    ...presets.map((p) => ({ value: presetChoice(p), label: presetLabel(p) })),
    { value: CUSTOM_RANGE, label: 'Custom range…' },
  ];
}

/** The days a preset covers on `now` (epoch ms), e.g. "Oct 30, 2026 – Nov 28, 2026"; undefined if it cannot be resolved. */
export function describePresetDates(preset: string, now: number): string | undefined {
  try {
    const { start, end } = resolveDateRange(preset, now);
    const last = end - DAY;
    return last <= start ? formatDay(start) : `${formatDay(start)} – ${formatDay(last)}`;
  } catch {
    return undefined;
  }
}

/** Problems of a custom range, by field: both dates are required and From may not be after To. */
export function checkCustomRange(draft: DateDraft): DateErrors {
  const errors = new Map<DateField, string>();
  if (draft.choice !== CUSTOM_RANGE) return errors;
  const from = draft.from.trim();
  const to = draft.to.trim();
  const fromMs = isDateOnly(from) ? parseInstant(from) : NaN;
  const toMs = isDateOnly(to) ? parseInstant(to) : NaN;
  if (!from) errors.set('from', 'From: enter the first day of the range.');
  else if (Number.isNaN(fromMs)) errors.set('from', 'From: enter a date as YYYY-MM-DD.');
  if (!to) errors.set('to', 'To: enter the last day of the range.');
  else if (Number.isNaN(toMs)) errors.set('to', 'To: enter a date as YYYY-MM-DD.');
  if (!errors.size && fromMs > toMs) errors.set('to', `To must be on or after From (${formatDay(fromMs)}).`);
  return errors;
}

/**
 * The range a draft applies: undefined for all dates, null when a custom range has problems.
 * The result is checked against the spec's schema, so only a valid value leaves the control.
 */
export function dateValueOf(draft: DateDraft): DateRangeValue | undefined | null {
  if (draft.choice === ALL_DATES) return undefined;
  if (draft.choice === CUSTOM_RANGE && checkCustomRange(draft).size > 0) return null;
  const preset = presetOf(draft.choice);
  const candidate = preset !== undefined ? { kind: 'preset', preset } : { kind: 'custom', from: draft.from.trim(), to: draft.to.trim() };
  const parsed = DateRangeValueSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Whether two applied ranges are the same. */
export function sameDateRange(a: DateRangeValue | undefined, b: DateRangeValue | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'preset' && b.kind === 'preset') return a.preset.toLowerCase() === b.preset.toLowerCase();
  if (a.kind === 'custom' && b.kind === 'custom') return a.from === b.from && a.to === b.to;
  return false;
}
