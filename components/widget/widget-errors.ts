import type { ResultColumn } from '../../src/contracts/result.js';
import { ENCODING_CHANNELS, type WidgetSpec } from '../../src/widgets/spec.js';

/**
 * A spec that does not fit the rows it got: a SQL widget (whose columns are only known once it ran)
 * or a snapshot naming a field its result lacks. Running again cannot help, so there is no Retry.
 */
export class WidgetConfigError extends Error {
  override readonly name = 'WidgetConfigError';
  readonly code = 'invalid_mapping';

  static missingField(path: string, field: string, columns: readonly ResultColumn[]): WidgetConfigError {
    const names = columns.map((c) => `"${c.name}"`).join(', ') || 'none';
    return new WidgetConfigError(`${path}: "${field}" is not a column of the result (its columns: ${names}).`);
  }
}

/** Throws a WidgetConfigError for the first field of the spec that the result does not have. */
export function checkFields(spec: WidgetSpec, result: { columns: readonly ResultColumn[] }): void {
  const has = (field: string) => result.columns.some((c) => c.name === field);
  for (const channel of ENCODING_CHANNELS) {
    const e = spec.encodings[channel];
    // A count needs no column of its own: Vega-Lite counts rows.
    if (e && e.aggregate !== 'count' && !has(e.field)) throw WidgetConfigError.missingField(`encodings.${channel}.field`, e.field, result.columns);
  }
  spec.properties.table?.columns?.forEach((c, i) => {
    if (!has(c.field)) throw WidgetConfigError.missingField(`properties.table.columns.${i}.field`, c.field, result.columns);
  });
}
