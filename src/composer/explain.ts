import type { z } from 'zod';
import type { DataModel } from '../contracts/data-model.js';
import { isAdapterError } from '../contracts/errors.js';
import { planQuery } from '../query/plan.js';
import { ENCODING_CHANNELS, MARK_CHANNELS, WidgetSpecSchema, type EncodingChannel, type WidgetMark } from '../widgets/spec.js';
import { stateAttributes } from './fields.js';
import { filterMembers } from './filters.js';
import { encodingKey, fieldKey, type ComposerState } from './state.js';
import { stateToSpec } from './to-spec.js';

/**
 * What stops a composer state from being saved, in the editor's words and placed where the editor
 * shows it: the issues WidgetSpecSchema finds in stateToSpec's spec, unfinished filters, and (for a
 * semantic query) what the planner refuses against the model. An empty list means the spec parses
 * and its query plans.
 */

export interface ComposerProblem {
  /** Where in the spec: "encodings.y", "data.params.START_DATE", "data.query.filters.0" ("table" for the base table). */
  path: string;
  message: string;
  channel?: EncodingChannel;
  /** Index into ComposerState.filters. */
  filter?: number;
}

export const CHANNEL_LABELS: Readonly<Record<EncodingChannel, string>> = { x: 'X', y: 'Y', color: 'Color', size: 'Size', theta: 'Angle' };
export const MARK_LABELS: Readonly<Record<WidgetMark, string>> = {
  bar: 'bar chart',
  'stacked-bar': 'stacked bar chart',
  line: 'line chart',
  area: 'area chart',
  point: 'point chart',
  tick: 'tick chart',
  donut: 'donut chart',
  'big-number': 'big number',
  table: 'table',
};
const PROPERTY_LABELS: Record<string, string> = {
  legend: 'Legend',
  axis: 'Axis',
  numberFormat: 'Number format',
  currency: 'Currency',
  table: 'Table',
  bigNumber: 'Big number',
};

/** Index into state.filters of the query's n-th filter (time-dimension date ranges are not among them). */
function stateFilterIndex(state: ComposerState, n: number): number | undefined {
  let seen = -1;
  for (let i = 0; i < state.filters.length; i++) {
    const f = state.filters[i]!;
    if (f.kind === 'date' && f.placement === 'timeDimension') continue;
    if (++seen === n) return i;
  }
  return undefined;
}

/** The composer location of a query path ("filters.1.values", "timeDimensions.0.dateRange", "dimensions.2"). */
function locate(state: ComposerState, queryPath: string[]): Pick<ComposerProblem, 'channel' | 'filter'> {
  const [part, index] = queryPath;
  const i = Number(index);
  if (part === 'filters' && Number.isInteger(i)) {
    const filter = stateFilterIndex(state, i);
    return filter === undefined ? {} : { filter };
  }
  if (part === 'timeDimensions' && queryPath[2] === 'dateRange') {
    const spec = stateToSpec(state);
    const member = spec.data.kind === 'semantic' ? spec.data.query.timeDimensions[i]?.dimension : undefined;
    const filter = state.filters.findIndex((f) => f.kind === 'date' && f.placement === 'timeDimension' && f.member === member);
    return filter >= 0 ? { filter } : {};
  }
  const kind = part === 'measures' ? 'measure' : part === 'dimensions' ? 'dimension' : part === 'timeDimensions' ? 'time' : undefined;
  const field = kind ? state.fields.filter((f) => f.kind === kind)[i] : undefined;
  const channel = field ? ENCODING_CHANNELS.find((c) => state.encodings[c] && encodingKey(state.encodings[c]) === fieldKey(field)) : undefined;
  return channel ? { channel } : {};
}

function filterLabel(state: ComposerState, model: DataModel, index: number): string {
  const f = state.filters[index]!;
  const attributes = stateAttributes(state, model);
  const names = filterMembers(f).map((m) => attributes.find((a) => a.key === m)?.label ?? m);
  return `Filter ${index + 1} (${names.join(', ')})`;
}

type Issue = z.ZodError['issues'][number];

function describeIssue(issue: Issue, state: ComposerState, model: DataModel): ComposerProblem {
  const path = issue.path.map(String);
  const at = path.join('.');
  const [head, second, third] = path;
  const mark = MARK_LABELS[state.mark];
  if (head === 'title') return { path: at, message: 'Give the widget a title' };
  if (head === 'encodings' && second && (ENCODING_CHANNELS as readonly string[]).includes(second)) {
    const channel = second as EncodingChannel;
    const label = CHANNEL_LABELS[channel];
    const rule = MARK_CHANNELS[state.mark];
    if (path.length === 2 && !state.encodings[channel] && rule.required.includes(channel))
      return { path: at, channel, message: `${label} needs an attribute for a ${mark} (${rule.purpose[channel]})` };
    if (path.length === 2 && state.encodings[channel]) return { path: at, channel, message: `${label} is not used by a ${mark}; remove it` };
    return { path: at, channel, message: `${label}: ${issue.message}` };
  }
  if (head === 'data' && second === 'sql') return { path: at, message: 'Write the SQL query' };
  if (head === 'data' && second === 'params' && third) return { path: at, message: `Give $${third} a sample value` };
  if (head === 'data' && second === 'query') {
    const rest = path.slice(2);
    const where = locate(state, rest);
    if (where.filter !== undefined) return { path: at, ...where, message: `${filterLabel(state, model, where.filter)}: ${issue.message}` };
    if (rest[0] === 'measures' && rest.length === 1)
      return { path: at, message: state.mark === 'table' ? 'Add at least one column' : 'Put an attribute on a channel' };
    if (rest[0] === 'limit') return { path: at, message: `Row limit: ${issue.message}` };
    return { path: at, ...where, message: `Query ${rest.join('.')}: ${issue.message}` };
  }
  if (head === 'properties' && second) return { path: at, message: `${PROPERTY_LABELS[second] ?? second}: ${issue.message}` };
  if (head === 'interactions') return { path: at, message: `Click: ${issue.message}` };
  return { path: at, message: at ? `${at}: ${issue.message}` : issue.message };
}

/** Filters the editor shows unfinished: no value chosen, a range without bounds. */
function unfinishedFilters(state: ComposerState, model: DataModel): ComposerProblem[] {
  if (state.mode !== 'guided') return [];
  return state.filters.flatMap((f, filter) => {
    const label = filterLabel(state, model, filter);
    if (f.kind === 'values' && f.values.length === 0) return [{ path: 'data.query.filters', filter, message: `${label}: choose at least one value` }];
    if (f.kind === 'range' && !f.lower && !f.upper) return [{ path: 'data.query.filters', filter, message: `${label}: give a lower or an upper bound` }];
    return [];
  });
}

export function explainState(state: ComposerState, model: DataModel): ComposerProblem[] {
  const problems: ComposerProblem[] = [];
  if (state.mode === 'guided' && !state.table) problems.push({ path: 'table', message: 'Choose a table' });
  problems.push(...unfinishedFilters(state, model));
  const spec = stateToSpec(state);
  const parsed = WidgetSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const described = parsed.error.issues.map((i) => describeIssue(i, state, model));
    // "Put an attribute on a channel" says less than the empty required channels do, when they are named.
    const channelNamed = described.some((p) => p.channel !== undefined);
    problems.push(...described.filter((p) => !(channelNamed && p.path === 'data.query.measures')));
  }
  const queryIssues = !parsed.success && parsed.error.issues.some((i) => i.path[0] === 'data');
  if (spec.data.kind === 'semantic' && state.table && !queryIssues) {
    try {
      planQuery(model, spec.data.query);
    } catch (e) {
      if (!isAdapterError(e)) throw e;
      const rest = e.field ? e.field.split('.') : [];
      const where = locate(state, rest);
      // The planner stops at the first problem; an unfinished filter was already named.
      if (where.filter === undefined || !problems.some((p) => p.filter === where.filter)) {
        const prefix = where.filter !== undefined ? `${filterLabel(state, model, where.filter)}: ` : '';
        problems.push({ path: ['data', 'query', ...rest].join('.'), ...where, message: `${prefix}${e.message}` });
      }
    }
  }
  return problems;
}
