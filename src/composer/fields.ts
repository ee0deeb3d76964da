import type { DataModel } from '../contracts/data-model.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type Granularity } from '../contracts/query.js';
import { ENCODING_CHANNELS, type EncodingChannel, type EncodingSort } from '../widgets/spec.js';
import { tableAttributes, type ComposerAttribute } from './attributes.js';
import { encodingKey, fieldKey, type ComposerEncoding, type ComposerState, type QueryField } from './state.js';

/**
 * The query's field list and everything that points into it (encodings, table columns, order,
 * click fields): adding a field, dropping one once nothing uses it, and clearing references to
 * result columns the query no longer returns.
 */

/** The attributes the state can put on channels: the base table's in guided mode, the last SQL result's in SQL mode. */
export function stateAttributes(state: ComposerState, model: DataModel): ComposerAttribute[] {
  if (state.mode === 'sql') return state.sqlColumns;
  return state.table ? tableAttributes(model, state.table) : [];
}

export function fieldFor(a: ComposerAttribute, granularity?: Granularity): QueryField {
  if (a.kind === 'measure') return { kind: 'measure', member: a.key };
  if (a.kind === 'time' && granularity) return { kind: 'time', member: a.key, granularity };
  return { kind: 'dimension', member: a.key };
}

/** The state with `field` appended to the query, unless it is there already. */
export function withField(state: ComposerState, field: QueryField): ComposerState {
  const key = fieldKey(field);
  if (state.fields.some((f) => fieldKey(f) === key)) return state;
  return { ...state, fields: [...state.fields, field] };
}

/** Result columns something other than the query itself points at. */
export function referencedKeys(state: ComposerState): Set<string> {
  const keys = new Set<string>();
  for (const c of ENCODING_CHANNELS) {
    const e = state.encodings[c];
    if (e) keys.add(encodingKey(e));
  }
  const table = state.properties.table;
  for (const col of table?.columns ?? []) keys.add(col.field);
  if (table?.defaultSort) keys.add(table.defaultSort.field);
  const click = state.interactions.click;
  if (click.kind === 'filter') for (const f of click.fields ?? []) keys.add(f);
  if (click.kind === 'drill') for (const f of Object.values(click.parameters ?? {})) keys.add(f);
  return keys;
}

/** The state without the fields of `keys` that nothing references any more (a table shows every field, so keeps them). */
export function dropUnused(state: ComposerState, keys: Iterable<string>): ComposerState {
  if (state.mode !== 'guided' || state.mark === 'table') return state;
  const used = referencedKeys(state);
  const gone = new Set([...keys].filter((k) => !used.has(k)));
  if (gone.size === 0) return state;
  const fields = state.fields.filter((f) => !gone.has(fieldKey(f)));
  return fields.length === state.fields.length ? state : { ...state, fields };
}

const CHANNEL_SORTS: ReadonlySet<string> = new Set(ENCODING_CHANNELS.flatMap((c) => [c, `-${c}`]));

/** The channel a sort such as "-y" orders by, if it is one. */
export function sortChannel(sort: EncodingSort | undefined): EncodingChannel | undefined {
  if (typeof sort !== 'string' || !CHANNEL_SORTS.has(sort)) return undefined;
  return sort.replace('-', '') as EncodingChannel;
}

/** The result columns the state's data returns, or undefined when unknown (SQL not run yet). */
function resultKeys(state: ComposerState): Set<string> | undefined {
  if (state.mode === 'sql') return state.sqlColumns.length ? new Set(state.sqlColumns.map((c) => c.key)) : undefined;
  return new Set(state.fields.map(fieldKey));
}

/**
 * Clears what points at nothing: sorts by an empty channel, and (when the result columns are known)
 * order terms, table columns, the table's default sort and click fields naming a column the query
 * no longer returns. Returns the same object when nothing changed.
 */
export function pruneReferences(state: ComposerState): ComposerState {
  let next = state;
  for (const c of ENCODING_CHANNELS) {
    const e = next.encodings[c];
    const by = sortChannel(e?.sort);
    if (e && by && !next.encodings[by]) {
      const { sort: _dropped, ...rest } = e;
      next = { ...next, encodings: { ...next.encodings, [c]: rest } };
    }
  }
  const keys = resultKeys(next);
  if (!keys) return next;

  const timeMembers = new Set(next.mode === 'guided' ? next.fields.flatMap((f) => (f.kind === 'time' ? [f.member] : [])) : []);
  const order = next.query.order.filter(([k]) => keys.has(k) || timeMembers.has(k));
  if (order.length !== next.query.order.length) next = { ...next, query: { ...next.query, order } };

  const table = next.properties.table;
  if (table) {
    const columns = table.columns?.filter((c) => keys.has(c.field));
    const sortGone = table.defaultSort && !keys.has(table.defaultSort.field);
    if (sortGone || columns?.length !== table.columns?.length) {
      const { columns: _c, defaultSort, ...rest } = table;
      next = {
        ...next,
        properties: {
          ...next.properties,
          table: { ...rest, ...(columns?.length ? { columns } : {}), ...(defaultSort && !sortGone ? { defaultSort } : {}) },
        },
      };
    }
  }

  const click = next.interactions.click;
  if (click.kind === 'filter' && click.fields) {
    const fields = click.fields.filter((f) => keys.has(f));
    if (fields.length !== click.fields.length)
      next = { ...next, interactions: { ...next.interactions, click: fields.length ? { kind: 'filter', fields } : { kind: 'filter' } } };
  } else if (click.kind === 'drill' && click.parameters) {
    const entries = Object.entries(click.parameters);
    const kept = entries.filter(([, f]) => keys.has(f));
    if (kept.length !== entries.length) {
      const { parameters: _p, ...rest } = click;
      next = { ...next, interactions: { ...next.interactions, click: kept.length ? { ...rest, parameters: Object.fromEntries(kept) } : rest } };
    }
  }
  return next;
}

/** The row identity of a table: its primary key, else its first identity column. */
function rowIdentity(model: DataModel, table: string): string | undefined {
  const t = model.tables.find((x) => x.name === table);
  const column = t?.primaryKey ?? t?.columns.find((c) => c.role === 'identity')?.name;
  return column ? `${table}.${column}` : undefined;
}

/**
 * A chart that aggregates or bins row-level values (no measures in the query) needs one result row
 * per table row: the query groups by its dimensions, so without the row identity equal rows would
 * merge and a sum or count would come out wrong. The identity is added as a detail field (marked
 * rowKey, and the limit raised to the most rows a query may return) while such a chart needs it, and
 * removed once it does not.
 */
export function syncRowKey(state: ComposerState, model: DataModel): ComposerState {
  if (state.mode !== 'guided' || !state.table) return state;
  const needs =
    !state.fields.some((f) => f.kind === 'measure') && ENCODING_CHANNELS.some((c) => state.encodings[c]?.aggregate || state.encodings[c]?.bin);
  const identity = needs ? rowIdentity(model, state.table) : undefined;
  const auto = state.fields.find((f) => f.kind === 'dimension' && f.rowKey);
  if (identity) {
    if (state.fields.some((f) => f.kind === 'dimension' && f.member === identity)) return state;
    return {
      ...state,
      fields: [...state.fields, { kind: 'dimension', member: identity, rowKey: true }],
      query: state.query.limit === DEFAULT_LIMIT ? { ...state.query, limit: MAX_LIMIT } : state.query,
    };
  }
  if (!auto || referencedKeys(state).has(auto.member)) return state;
  return { ...state, fields: state.fields.filter((f) => f !== auto) };
}

/** The state without the encodings `keep` refuses, and without the fields only they used. */
export function keepEncodings(state: ComposerState, keep: (e: ComposerEncoding) => boolean): ComposerState {
  const removed: string[] = [];
  const encodings: ComposerState['encodings'] = {};
  for (const c of ENCODING_CHANNELS) {
    const e = state.encodings[c];
    if (e && keep(e)) encodings[c] = e;
    else if (e) removed.push(encodingKey(e));
  }
  return removed.length ? dropUnused({ ...state, encodings }, removed) : state;
}

export const keySet = (attributes: readonly ComposerAttribute[]) => new Set(attributes.map((a) => a.key));
