import { findSqlParameters } from '../query/sql-params.js';
import { PropertiesSchema, type WidgetSpecInput } from '../widgets/spec.js';
import type { ComposerAction } from './actions.js';
import { sqlAttributes } from './attributes.js';
import { keepEncodings, keySet } from './fields.js';
import { put } from './objects.js';
import type { ComposerState, WidgetProperties } from './state.js';

/** The properties panel (legend, axes, number format, currency, big number, table settings) and the SQL text, parameters and result. */

type PropertiesInput = NonNullable<WidgetSpecInput['properties']>;

/** A properties part parsed by the widget schema (defaults filled in), or undefined when it refuses it. */
function parsePart<K extends keyof PropertiesInput>(key: K, value: PropertiesInput[K]): WidgetProperties[K] | undefined {
  const r = PropertiesSchema.safeParse({ [key]: value });
  return r.success ? (r.data[key as keyof WidgetProperties] as WidgetProperties[K]) : undefined;
}

export function reduceProperties(state: ComposerState, action: ComposerAction): ComposerState {
  const props = state.properties;
  const withProps = (key: keyof WidgetProperties, value: unknown) => ({ ...state, properties: put(props, key, value as never) });
  switch (action.type) {
    case 'setLegend': {
      const legend = action.legend === undefined ? undefined : parsePart('legend', action.legend);
      return action.legend !== undefined && !legend ? state : withProps('legend', legend);
    }
    case 'setAxis': {
      const parsed = action.options === undefined ? undefined : parsePart('axis', { [action.axis]: action.options });
      if (action.options !== undefined && !parsed) return state;
      const axis = put(props.axis ?? {}, action.axis, parsed?.[action.axis]);
      return withProps('axis', Object.keys(axis).length ? axis : undefined);
    }
    case 'setNumberFormat':
      return withProps('numberFormat', action.format || undefined);
    case 'setCurrency': {
      const currency = action.currency === undefined ? undefined : parsePart('currency', action.currency);
      return action.currency !== undefined && !currency ? state : withProps('currency', currency);
    }
    case 'setBigNumber': {
      if (state.mark !== 'big-number') return state;
      const bigNumber = action.options === undefined ? undefined : parsePart('bigNumber', action.options);
      return action.options !== undefined && !bigNumber ? state : withProps('bigNumber', bigNumber);
    }
    default:
      return reduceTable(state, action);
  }
}

function reduceTable(state: ComposerState, action: ComposerAction): ComposerState {
  if (state.mark !== 'table') return state;
  const table = state.properties.table ?? parsePart('table', {})!;
  const withTable = (t: typeof table | undefined) => (t ? { ...state, properties: { ...state.properties, table: t } } : state);
  switch (action.type) {
    case 'setTableColumns': {
      if (action.columns === undefined) return withTable(put(table, 'columns', undefined));
      return withTable(parsePart('table', { ...table, columns: action.columns }));
    }
    case 'setPageSize':
      return withTable(parsePart('table', { ...table, pageSize: action.pageSize }));
    case 'setTableSort': {
      const sort = action.sort && { field: action.sort.field, direction: action.sort.direction };
      const out = withTable(put(table, 'defaultSort', sort));
      if (!sort || state.mode !== 'guided') return out;
      const { field, direction } = sort;
      return { ...out, query: { ...out.query, order: [[field, direction], ...out.query.order.filter(([k]) => k !== field)] } };
    }
    default:
      return state;
  }
}

export function reduceSql(state: ComposerState, action: ComposerAction): ComposerState {
  switch (action.type) {
    case 'setSql': {
      if (action.sql === state.sql) return state;
      // Sample values of parameters the text no longer has go; the others stay.
      const names = new Set(findSqlParameters(action.sql));
      const params = Object.fromEntries(Object.entries(state.params).filter(([n]) => names.has(n)));
      return { ...state, sql: action.sql, params };
    }
    case 'setParam':
      if (!findSqlParameters(state.sql ?? '').includes(action.name)) return state;
      return { ...state, params: { ...state.params, [action.name]: action.value } };
    case 'setSqlResult': {
      const next = { ...state, sqlColumns: sqlAttributes(action.result) };
      const known = keySet(next.sqlColumns);
      return next.mode === 'sql' ? keepEncodings(next, (e) => known.has(e.attribute)) : next;
    }
    default:
      return state;
  }
}

