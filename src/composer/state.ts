import type { FilterValue } from '../contracts/data-model.js';
import { DEFAULT_LIMIT, type DateRange, type FilterNode, type Granularity } from '../contracts/query.js';
import type { ScalarValue } from '../contracts/result.js';
import type { EncodingAggregate, EncodingChannel, EncodingSort, FieldType, WidgetMark, WidgetSpec } from '../widgets/spec.js';
import type { ComposerAttribute } from './attributes.js';

/**
 * The composer's state: everything a widget spec holds, in the shape the editor works with.
 * stateToSpec writes it out and specToState reads a saved spec back, so a spec opened and saved
 * without a change comes out identical.
 */

export type ComposerMode = 'guided' | 'sql';

/**
 * One member of the semantic query, in query order. A time column with a granularity is a time
 * dimension ("transactions.ts" by month → result column "transactions.ts.month"); without one it
 * is a plain dimension. Fields on no channel stay in the query as detail (tooltip, table columns).
 */
export type QueryField =
  | {
      kind: 'dimension';
      member: string;
      /** Added by the composer so a chart's aggregate runs over every row (see syncRowKey). */
      rowKey?: true;
    }
  | { kind: 'measure'; member: string }
  | { kind: 'time'; member: string; granularity: Granularity };

export interface ComposerEncoding {
  /** The attribute key: a member key in guided mode, a result column in SQL mode. */
  attribute: string;
  /** For time attributes in guided mode: the bucket, which names the result column. */
  granularity?: Granularity;
  aggregate?: EncodingAggregate;
  bin?: boolean | { maxbins: number };
  type: FieldType;
  sort?: EncodingSort;
  format?: string;
  title?: string;
}
export type ComposerEncodings = Partial<Record<EncodingChannel, ComposerEncoding>>;

/** Include or exclude values: equals/notEquals for one value, in/notIn for several. */
export interface ValuesFilter {
  kind: 'values';
  member: string;
  operator: 'equals' | 'notEquals' | 'in' | 'notIn';
  values: FilterValue[];
}
export interface RangeBound {
  value: number;
  inclusive: boolean;
}
/** A number range; either bound may be open. */
export interface RangeFilter {
  kind: 'range';
  member: string;
  lower?: RangeBound;
  upper?: RangeBound;
}
/**
 * Dates in [from, to] (inclusive days) or a relative range ("last 90 days"). In a time dimension's
 * dateRange (where previous-period comparisons and dashboard date ranges look) or, to exclude the
 * range, as a query filter.
 */
export interface DateFilter {
  kind: 'date';
  member: string;
  range: DateRange;
  exclude: boolean;
  placement: 'timeDimension' | 'filter';
  /**
   * Set when the opened spec gave the range its own time dimension entry (one without a
   * granularity): the index of that entry, where stateToSpec writes it back. Without it the range
   * goes to the first time dimension of its member that has none. Keeping them apart matters: a
   * dashboard's date range replaces the first entry's range and leaves the others in force.
   */
  ownEntry?: number;
}
/** A filter the editor has no form for (and/or groups, text matches, …): kept exactly as written. */
export interface AdvancedFilter {
  kind: 'advanced';
  node: FilterNode;
}
export type ComposerFilter = ValuesFilter | RangeFilter | DateFilter | AdvancedFilter;

export type QueryOrder = Array<[string, 'asc' | 'desc']>;

export interface ComposerQueryOptions {
  order: QueryOrder;
  limit: number;
  offset: number;
  total: boolean;
}

export type WidgetProperties = WidgetSpec['properties'];
export type WidgetInteractions = WidgetSpec['interactions'];

export interface ComposerState {
  mode: ComposerMode;
  /** The base table in guided mode. */
  table?: string;
  fields: QueryField[];
  filters: ComposerFilter[];
  query: ComposerQueryOptions;
  sql?: string;
  /** A sample value per SQL parameter. */
  params: Record<string, ScalarValue>;
  /** The columns of the last SQL run: the attributes of SQL mode. */
  sqlColumns: ComposerAttribute[];
  mark: WidgetMark;
  encodings: ComposerEncodings;
  properties: WidgetProperties;
  interactions: WidgetInteractions;
  title: string;
  description?: string;
}

/** A composer with nothing chosen yet: a bar chart without data. */
export function emptyComposerState(mode: ComposerMode = 'guided'): ComposerState {
  return {
    mode,
    fields: [],
    filters: [],
    query: { order: [], limit: DEFAULT_LIMIT, offset: 0, total: false },
    params: {},
    sqlColumns: [],
    mark: 'bar',
    encodings: {},
    properties: {},
    interactions: { tooltip: true, click: { kind: 'none' } },
    title: '',
  };
}

/** The result column a field produces. */
export function fieldKey(f: QueryField): string {
  return f.kind === 'time' ? `${f.member}.${f.granularity}` : f.member;
}

/** The result column an encoding reads. */
export function encodingKey(e: Pick<ComposerEncoding, 'attribute' | 'granularity'>): string {
  return e.granularity ? `${e.attribute}.${e.granularity}` : e.attribute;
}
