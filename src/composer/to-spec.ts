import type { FilterNode, TimeDimension } from '../contracts/query.js';
import { ENCODING_CHANNELS, WIDGET_SPEC_VERSION, type Encoding, type WidgetSpec } from '../widgets/spec.js';
import { filterToNode } from './filters.js';
import { encodingKey, type ComposerState, type DateFilter } from './state.js';

/**
 * The widget spec a composer state stands for, written in its parsed form (every default
 * explicit), so a valid state's spec equals WidgetSpecSchema.parse of itself. Nothing is checked
 * here: explainState says what is missing, and saving should wait until it reports nothing.
 *
 * The query: dimensions, time dimensions and measures in field order; a date filter placed in a
 * time dimension that had its own entry in the opened spec gets it back at the same index; another
 * gives its dateRange to the first time dimension of its member that has none, else its own entry
 * after them all; the other filters, in order, are the query's filters.
 */

function timeDimensions(state: ComposerState): TimeDimension[] {
  const out: TimeDimension[] = state.fields.flatMap((f) => (f.kind === 'time' ? [{ dimension: f.member, granularity: f.granularity }] : []));
  const ranges = state.filters.filter((f): f is DateFilter => f.kind === 'date' && f.placement === 'timeDimension');
  const rangeOf = (f: DateFilter) => (typeof f.range === 'string' ? f.range : ([f.range[0], f.range[1]] as [string, string]));
  const after: TimeDimension[] = [];
  for (const f of ranges) {
    if (f.ownEntry !== undefined) continue;
    const slot = out.find((t) => t.dimension === f.member && t.dateRange === undefined);
    if (slot) slot.dateRange = rangeOf(f);
    else after.push({ dimension: f.member, dateRange: rangeOf(f) });
  }
  // Ascending, each at its index: the entries before it in the opened spec are all in place by then.
  const own = ranges.filter((f) => f.ownEntry !== undefined).sort((a, b) => a.ownEntry! - b.ownEntry!);
  for (const f of own) out.splice(Math.min(f.ownEntry!, out.length), 0, { dimension: f.member, dateRange: rangeOf(f) });
  return [...out, ...after];
}

function semanticQuery(state: ComposerState) {
  const members = (kind: 'dimension' | 'measure') => state.fields.flatMap((f) => (f.kind === kind ? [f.member] : []));
  const filters: FilterNode[] = state.filters.flatMap((f) => (f.kind === 'date' && f.placement === 'timeDimension' ? [] : [filterToNode(f)]));
  return {
    measures: members('measure'),
    dimensions: members('dimension'),
    timeDimensions: timeDimensions(state),
    filters,
    order: state.query.order.map(([k, d]): [string, 'asc' | 'desc'] => [k, d]),
    limit: state.query.limit,
    offset: state.query.offset,
    total: state.query.total,
    timezone: 'UTC' as const,
  };
}

function encodings(state: ComposerState): WidgetSpec['encodings'] {
  const out: WidgetSpec['encodings'] = {};
  for (const c of ENCODING_CHANNELS) {
    const e = state.encodings[c];
    if (!e) continue;
    const { attribute: _a, granularity: _g, ...rest } = structuredClone(e);
    const enc: Encoding = { field: encodingKey(e), ...rest };
    out[c] = enc;
  }
  return out;
}

export function stateToSpec(state: ComposerState): WidgetSpec {
  const data: WidgetSpec['data'] =
    state.mode === 'sql' ? { kind: 'sql', sql: state.sql ?? '', params: { ...state.params } } : { kind: 'semantic', query: semanticQuery(state) };
  return {
    version: WIDGET_SPEC_VERSION,
    title: state.title,
    ...(state.description !== undefined ? { description: state.description } : {}),
    data,
    mark: state.mark,
    encodings: encodings(state),
    properties: structuredClone(state.properties),
    interactions: structuredClone(state.interactions),
  };
}
