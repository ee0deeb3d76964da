import type { ResultColumn, Row, ScalarValue } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { ROW_FIELD } from './scene-items.js';

/** Detail of `clv-widget-click`: the datum behind the chosen mark or table row, and what a click on it means. */
export interface WidgetClickDetail {
  spec: WidgetSpec;
  /** The result row, or for a mark that aggregates rows (bins, counts) the values vega computed for it. */
  datum: Row;
  /** Index of the row in `result.rows`; for an aggregate mark, its position among the marks. */
  index: number;
  columns: ResultColumn[];
  source: 'pointer' | 'keyboard';
  /** With interactions.click kind "filter": the values of its fields (default: the x field, then the color field). */
  filter?: Record<string, ScalarValue>;
  /** With kind "drill": the dashboard to open and its filter values taken from the datum. */
  drill?: { dashboardId: string; parameters: Record<string, ScalarValue> };
}

const isScalar = (v: unknown): v is ScalarValue => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The scalar fields of a vega datum (without the row index it was given), as a row. */
export function datumRow(datum: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(datum).filter(([k, v]) => k !== ROW_FIELD && isScalar(v))) as Row;
}

function pick(datum: Row, fields: readonly string[]): Record<string, ScalarValue> {
  return Object.fromEntries(fields.filter((f) => datum[f] !== undefined).map((f) => [f, datum[f]!]));
}

export function clickDetail(spec: WidgetSpec, datum: Row, index: number, columns: ResultColumn[], source: WidgetClickDetail['source']): WidgetClickDetail {
  const detail: WidgetClickDetail = { spec, datum, index, columns, source };
  const click = spec.interactions.click;
  if (click.kind === 'filter') {
    const fields = click.fields ?? [spec.encodings.x?.field, spec.encodings.color?.field].filter((f): f is string => f !== undefined);
    detail.filter = pick(datum, fields);
  } else if (click.kind === 'drill') {
    const parameters: Record<string, ScalarValue> = {};
    for (const [name, field] of Object.entries(click.parameters ?? {})) if (datum[field] !== undefined) parameters[name] = datum[field]!;
    detail.drill = { dashboardId: click.dashboardId, parameters };
  }
  return detail;
}

declare global {
  interface HTMLElementEventMap {
    'clv-widget-click': CustomEvent<WidgetClickDetail>;
  }
}
