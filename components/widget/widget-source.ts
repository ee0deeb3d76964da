import type { View } from 'vega';
import type { Provenance, ResultSet } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';

/**
 * What a widget offers to its menu (view data, view SQL or request, downloads): `<clv-widget>`
 * implements it, and `<clv-widget-menu>` reads it when an action is chosen.
 */
export interface WidgetExportSource {
  /** The validated spec being shown (after dashboard filters were applied), if any. */
  readonly effectiveSpec: WidgetSpec | undefined;
  /** The rows on screen. */
  readonly result: ResultSet | undefined;
  /** A big number's comparison result, when it has one. */
  readonly comparison: ResultSet | undefined;
  /** How the result was obtained: the SQL and its bound values, or the HTTP request. */
  readonly provenance: Provenance | undefined;
  /** The vega view of a drawn chart (undefined for big number, table, and before the chart is drawn). */
  readonly view: View | undefined;
}
