import type { DataModel } from '../contracts/data-model.js';
import { markChannels, type EncodingAggregate, type EncodingChannel, type EncodingSort, type FieldType } from '../widgets/spec.js';
import type { ComposerAction } from './actions.js';
import { aggregateOptions, type ComposerAttribute } from './attributes.js';
import { dropUnused, fieldFor, sortChannel, stateAttributes, withField } from './fields.js';
import { put } from './objects.js';
import { encodingKey, fieldKey, type ComposerEncoding, type ComposerState, type QueryOrder } from './state.js';

/** The actions on one channel: assign and remove an attribute, its aggregate, bin, granularity, type, sort, title and format. */

function setEncoding(state: ComposerState, channel: EncodingChannel, e: ComposerEncoding | undefined): ComposerState {
  return { ...state, encodings: put(state.encodings, channel, e) };
}

/** Encoding types that make sense for an attribute (and its aggregate). */
export function fieldTypeOptions(a: Pick<ComposerAttribute, 'kind' | 'type'>, aggregate?: EncodingAggregate): FieldType[] {
  if (aggregate && aggregate !== 'min' && aggregate !== 'max') return ['quantitative'];
  if (a.kind === 'time') return ['temporal', 'ordinal', 'nominal'];
  if (a.kind === 'measure' || a.type === 'number' || a.type === 'integer') return ['quantitative', 'ordinal', 'nominal'];
  return ['nominal', 'ordinal'];
}

const SWAPPED: Record<string, string> = { x: 'y', y: 'x', '-x': '-y', '-y': '-x' };
/** A sort by x or y, pointed at the other axis (X and Y swap). */
export function swapSort(e: ComposerEncoding | undefined): ComposerEncoding | undefined {
  if (!e || typeof e.sort !== 'string' || !(e.sort in SWAPPED)) return e;
  return { ...e, sort: SWAPPED[e.sort] as EncodingSort };
}

/** The query order a sort implies: by the channel's own field or by the channel it names. */
function orderForSort(state: ComposerState, channel: EncodingChannel, sort: EncodingSort | undefined): QueryOrder | undefined {
  if (state.mode !== 'guided' || typeof sort !== 'string') return undefined;
  const by = sort === 'ascending' || sort === 'descending' ? channel : sortChannel(sort);
  const e = by ? state.encodings[by] : undefined;
  if (!e) return undefined;
  const key = encodingKey(e);
  const direction = sort === 'descending' || sort.startsWith('-') ? 'desc' : 'asc';
  return [[key, direction], ...state.query.order.filter(([k]) => k !== key)];
}

export function reduceEncoding(state: ComposerState, action: ComposerAction, model: DataModel): ComposerState {
  if (!('channel' in action)) return state;
  const channel = action.channel;
  const e = state.encodings[channel];
  const attributes = stateAttributes(state, model);
  const attr = e ? attributes.find((a) => a.key === e.attribute) : undefined;
  switch (action.type) {
    case 'assign': {
      if (!markChannels(state.mark).includes(channel)) return state;
      const a = attributes.find((x) => x.key === action.attribute);
      if (!a) return state;
      const granularity = a.kind === 'time' && state.mode === 'guided' ? (action.granularity ?? 'month') : undefined;
      const next: ComposerEncoding = { attribute: a.key, type: a.fieldType, ...(granularity ? { granularity } : {}) };
      if (e && encodingKey(e) === encodingKey(next)) return state;
      let out = setEncoding(state, channel, next);
      if (state.mode === 'guided') out = withField(out, fieldFor(a, granularity));
      return e ? dropUnused(out, [encodingKey(e)]) : out;
    }
    case 'unassign':
      return e ? dropUnused(setEncoding(state, channel, undefined), [encodingKey(e)]) : state;
    case 'setAggregate': {
      if (!e || !attr) return state;
      if (action.aggregate !== undefined && !aggregateOptions(attr).includes(action.aggregate)) return state;
      // A count, sum or mean is a number; min and max keep the attribute's own type (dates stay dates).
      const agg = action.aggregate;
      const type = agg === undefined || agg === 'min' || agg === 'max' ? attr.fieldType : 'quantitative';
      return setEncoding(state, channel, { ...put(e, 'aggregate', agg), type });
    }
    case 'setBin':
      if (!e || (action.bin !== undefined && e.type !== 'quantitative')) return state;
      return setEncoding(state, channel, put(e, 'bin', action.bin));
    case 'setGranularity': {
      if (!e || !attr || attr.kind !== 'time' || state.mode !== 'guided') return state;
      const next = put(e, 'granularity', action.granularity);
      const oldKey = encodingKey(e);
      const newKey = encodingKey(next);
      if (oldKey === newKey) return state;
      const out = withField(setEncoding(state, channel, next), fieldFor(attr, action.granularity));
      // The new field takes the old one's place in the query.
      const at = state.fields.findIndex((f) => fieldKey(f) === oldKey);
      const moved = out.fields.filter((f) => fieldKey(f) !== newKey);
      if (at >= 0) moved.splice(at, 0, out.fields.find((f) => fieldKey(f) === newKey)!);
      const order = out.query.order.map(([k, d]): [string, 'asc' | 'desc'] => [k === oldKey ? newKey : k, d]);
      return dropUnused({ ...out, fields: moved, query: { ...out.query, order } }, [oldKey]);
    }
    case 'setFieldType':
      if (!e || !attr || !fieldTypeOptions(attr, e.aggregate).includes(action.fieldType) || e.type === action.fieldType) return state;
      return setEncoding(state, channel, { ...put(e, 'bin', action.fieldType === 'quantitative' ? e.bin : undefined), type: action.fieldType });
    case 'setSort': {
      if (!e) return state;
      const by = sortChannel(action.sort);
      if (by && (by === channel || !state.encodings[by])) return state;
      const sort = Array.isArray(action.sort) ? [...action.sort] : action.sort;
      const out = setEncoding(state, channel, put(e, 'sort', sort));
      const order = orderForSort(out, channel, action.sort);
      return order ? { ...out, query: { ...out.query, order } } : out;
    }
    case 'setChannelTitle':
      return e ? setEncoding(state, channel, put(e, 'title', action.title)) : state;
    case 'setChannelFormat':
      return e ? setEncoding(state, channel, put(e, 'format', action.format)) : state;
    default:
      return state;
  }
}

