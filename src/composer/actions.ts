import type { DataModel } from '../contracts/data-model.js';
import type { Granularity } from '../contracts/query.js';
import type { ResultSet, ScalarValue } from '../contracts/result.js';
import {
  ENCODING_CHANNELS,
  InteractionsSchema,
  markChannels,
  type EncodingAggregate,
  type EncodingChannel,
  type EncodingSort,
  type FieldType,
  type WidgetMark,
  type WidgetSpecInput,
} from '../widgets/spec.js';
import type { ComposerAttribute } from './attributes.js';
import { reduceEncoding, swapSort } from './encoding-actions.js';
import { fieldFor, keepEncodings, keySet, pruneReferences, stateAttributes, syncRowKey, withField } from './fields.js';
import { filterMembers } from './filters.js';
import { changeMark } from './mark-change.js';
import { put } from './objects.js';
import { reduceProperties, reduceSql } from './settings-actions.js';
import { encodingKey, fieldKey, type ComposerFilter, type ComposerMode, type ComposerState, type QueryOrder } from './state.js';

/**
 * Every edit the composer makes, as data, and the pure reducer that applies one. An action that
 * does not fit the state (an attribute the table cannot reach, a channel the mark does not use, a
 * value its schema refuses) leaves the state as it was; the UI offers only what fits.
 */

type PropertiesInput = NonNullable<WidgetSpecInput['properties']>;
type ClickInput = NonNullable<NonNullable<WidgetSpecInput['interactions']>['click']>;

export type ComposerAction =
  | { type: 'setMode'; mode: ComposerMode }
  | { type: 'chooseTable'; table: string }
  | { type: 'assign'; channel: EncodingChannel; attribute: string; granularity?: Granularity }
  | { type: 'unassign'; channel: EncodingChannel }
  | { type: 'swapXY' }
  | { type: 'setAggregate'; channel: EncodingChannel; aggregate: EncodingAggregate | undefined }
  | { type: 'setBin'; channel: EncodingChannel; bin: true | { maxbins: number } | undefined }
  | { type: 'setGranularity'; channel: EncodingChannel; granularity: Granularity | undefined }
  | { type: 'setFieldType'; channel: EncodingChannel; fieldType: FieldType }
  | { type: 'setSort'; channel: EncodingChannel; sort: EncodingSort | undefined }
  | { type: 'setChannelTitle'; channel: EncodingChannel; title: string | undefined }
  | { type: 'setChannelFormat'; channel: EncodingChannel; format: string | undefined }
  | { type: 'setMark'; mark: WidgetMark }
  /** A field on no channel: a table column, or detail a chart's tooltip shows. */
  | { type: 'addField'; attribute: string; granularity?: Granularity }
  | { type: 'removeField'; key: string }
  | { type: 'addFilter'; filter: ComposerFilter }
  | { type: 'updateFilter'; index: number; filter: ComposerFilter }
  | { type: 'removeFilter'; index: number }
  | { type: 'setOrder'; order: QueryOrder }
  | { type: 'setLimit'; limit: number }
  | { type: 'setTitle'; title: string }
  | { type: 'setDescription'; description: string | undefined }
  | { type: 'setLegend'; legend: PropertiesInput['legend'] }
  | { type: 'setAxis'; axis: 'x' | 'y'; options: NonNullable<PropertiesInput['axis']>['x'] }
  | { type: 'setNumberFormat'; format: string | undefined }
  | { type: 'setCurrency'; currency: PropertiesInput['currency'] }
  | { type: 'setTableColumns'; columns: NonNullable<PropertiesInput['table']>['columns'] }
  | { type: 'setTableSort'; sort: { field: string; direction: 'asc' | 'desc' } | undefined }
  | { type: 'setPageSize'; pageSize: number }
  | { type: 'setBigNumber'; options: PropertiesInput['bigNumber'] }
  | { type: 'setTooltip'; tooltip: boolean }
  | { type: 'setClick'; click: ClickInput }
  | { type: 'setSql'; sql: string }
  | { type: 'setParam'; name: string; value: ScalarValue }
  /** The columns (and rows, for the ordinal check) of the last SQL run. */
  | { type: 'setSqlResult'; result: Pick<ResultSet, 'columns' | 'rows'> };

function filterFits(f: ComposerFilter, attributes: readonly ComposerAttribute[]): boolean {
  if (f.kind === 'advanced') return true;
  const a = attributes.find((x) => x.key === f.member);
  if (!a) return false;
  if (f.kind === 'date') return a.kind === 'time' && !(f.exclude && f.placement === 'timeDimension');
  if (f.kind === 'range') return a.type === 'number' || a.type === 'integer';
  return a.kind !== 'measure';
}

function reduceQuery(state: ComposerState, action: ComposerAction, model: DataModel): ComposerState {
  const attributes = stateAttributes(state, model);
  switch (action.type) {
    case 'setMode': {
      if (action.mode === state.mode) return state;
      // Encodings that the other mode cannot resolve go while the fields they used are still known.
      const known = keySet(stateAttributes({ ...state, mode: action.mode }, model));
      if (action.mode === 'sql') return { ...keepEncodings(state, (e) => known.has(e.attribute)), mode: 'sql' };
      return keepEncodings({ ...state, mode: 'guided' }, (e) => known.has(e.attribute));
    }
    case 'chooseTable': {
      if (action.table === state.table && state.mode === 'guided') return state;
      if (!model.tables.some((t) => t.name === action.table)) return state;
      const next: ComposerState = { ...state, mode: 'guided', table: action.table };
      const known = keySet(stateAttributes(next, model));
      next.fields = state.fields.filter((f) => known.has(f.member));
      next.filters = state.filters.filter((f) => filterMembers(f).every((m) => known.has(m)));
      return keepEncodings(next, (e) => known.has(e.attribute));
    }
    case 'swapXY': {
      const channels = markChannels(state.mark);
      if (!channels.includes('x') || !channels.includes('y') || (!state.encodings.x && !state.encodings.y)) return state;
      const encodings = put(put(state.encodings, 'x', swapSort(state.encodings.y)), 'y', swapSort(state.encodings.x));
      for (const c of ENCODING_CHANNELS) if (c !== 'x' && c !== 'y') encodings[c] = swapSort(encodings[c]);
      const cleaned = Object.fromEntries(Object.entries(encodings).filter(([, v]) => v !== undefined));
      const axis = state.properties.axis;
      const swappedAxis = axis ? put(put(axis, 'x', axis.y), 'y', axis.x) : undefined;
      return { ...state, encodings: cleaned, properties: put(state.properties, 'axis', swappedAxis) };
    }
    case 'setMark':
      return changeMark(state, action.mark);
    case 'addField': {
      if (state.mode !== 'guided') return state;
      const a = attributes.find((x) => x.key === action.attribute);
      if (!a) return state;
      const field = fieldFor(a, action.granularity);
      const next = withField(state, field);
      const columns = next.properties.table?.columns;
      if (next === state || !columns) return next;
      return { ...next, properties: { ...next.properties, table: { ...next.properties.table!, columns: [...columns, { field: fieldKey(field), sortable: true }] } } };
    }
    case 'removeField': {
      if (state.mode !== 'guided' || !state.fields.some((f) => fieldKey(f) === action.key)) return state;
      const encodings = Object.fromEntries(ENCODING_CHANNELS.flatMap((c) => (state.encodings[c] && encodingKey(state.encodings[c]) !== action.key ? [[c, state.encodings[c]]] : [])));
      return { ...state, encodings, fields: state.fields.filter((f) => fieldKey(f) !== action.key) };
    }
    case 'addFilter':
      return state.mode === 'guided' && filterFits(action.filter, attributes) ? { ...state, filters: [...state.filters, structuredClone(action.filter)] } : state;
    case 'updateFilter': {
      if (state.mode !== 'guided' || !state.filters[action.index] || !filterFits(action.filter, attributes)) return state;
      const filters = state.filters.slice();
      filters[action.index] = structuredClone(action.filter);
      return { ...state, filters };
    }
    case 'removeFilter':
      return state.filters[action.index] ? { ...state, filters: state.filters.filter((_, i) => i !== action.index) } : state;
    case 'setOrder':
      return { ...state, query: { ...state.query, order: action.order.map(([k, d]): [string, 'asc' | 'desc'] => [k, d]) } };
    case 'setLimit':
      return { ...state, query: { ...state.query, limit: action.limit } };
    case 'setTitle':
      return { ...state, title: action.title };
    case 'setDescription':
      return put(state, 'description', action.description);
    case 'setTooltip':
      return { ...state, interactions: { ...state.interactions, tooltip: action.tooltip } };
    case 'setClick': {
      const r = InteractionsSchema.safeParse({ click: action.click });
      return r.success ? { ...state, interactions: { ...state.interactions, click: r.data.click } } : state;
    }
    case 'setSql':
    case 'setParam':
    case 'setSqlResult':
      return reduceSql(state, action);
    default:
      return reduceProperties(state, action);
  }
}

/**
 * Applies one action. Pure: the state passed in is never changed. Afterwards references to result
 * columns the query no longer returns are cleared, and the row identity is added or removed as
 * aggregates over rows need it.
 */
export function reduceComposer(state: ComposerState, action: ComposerAction, model: DataModel): ComposerState {
  const next = 'channel' in action ? reduceEncoding(state, action, model) : reduceQuery(state, action, model);
  if (next === state) return state;
  return pruneReferences(syncRowKey(next, model));
}

/** reduceComposer bound to a model, for useReducer-style callers. */
export function composerReducer(model: DataModel): (state: ComposerState, action: ComposerAction) => ComposerState {
  return (state, action) => reduceComposer(state, action, model);
}
