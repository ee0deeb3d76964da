import { z } from 'zod';
import { ResultSetSchema, type ResultSet } from '../contracts/result.js';
import { formatWidgetErrors, parseWidgetSpec } from './migrate.js';
import { WidgetSpecSchema, type WidgetSpec } from './spec.js';

/**
 * A "spec + data" file: a widget spec with the rows it showed, so the widget can be reopened
 * exactly as it was (`<clv-widget .snapshot>`) without a data source. Plain JSON.
 */

export const WIDGET_SNAPSHOT_FORMAT = 'clv-kit/widget-snapshot' as const;
export const WIDGET_SNAPSHOT_VERSION = 1 as const;

/**
 * The spec of a snapshot: any known spec version, upgraded by parseWidgetSpec, so a file written
 * before a spec migration still opens. Issues keep the path parseWidgetSpec gives them (below "spec").
 * As a preprocess step, its JSON Schema is that of the current WidgetSpec.
 */
export const SnapshotSpecSchema = z.preprocess((input, ctx) => {
  const parsed = parseWidgetSpec(input);
  if (parsed.success) return parsed.spec;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: issue.input });
  return input;
}, WidgetSpecSchema);

export const WidgetSnapshotSchema = z.object({
  format: z.literal(WIDGET_SNAPSHOT_FORMAT),
  version: z.literal(WIDGET_SNAPSHOT_VERSION),
  /** When the file was written (ISO 8601). */
  exportedAt: z.iso.datetime({ offset: true }),
  spec: SnapshotSpecSchema,
  result: ResultSetSchema,
  /** A big number's comparison result, when it had one. */
  comparison: ResultSetSchema.optional(),
});
export type WidgetSnapshot = z.infer<typeof WidgetSnapshotSchema>;

export function createWidgetSnapshot(spec: WidgetSpec, result: ResultSet, comparison?: ResultSet, now: Date = new Date()): WidgetSnapshot {
  return {
    format: WIDGET_SNAPSHOT_FORMAT,
    version: WIDGET_SNAPSHOT_VERSION,
    exportedAt: now.toISOString(),
    spec,
    result,
    ...(comparison ? { comparison } : {}),
  };
}

export type ParseWidgetSnapshotResult = { success: true; snapshot: WidgetSnapshot } | { success: false; message: string };

/** Validates a snapshot (an object, or the JSON text of a file); messages name the field ("result.rows.3.amount: …"). */
export function parseWidgetSnapshot(input: unknown): ParseWidgetSnapshotResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { success: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const r = WidgetSnapshotSchema.safeParse(value);
  return r.success ? { success: true, snapshot: r.data } : { success: false, message: formatWidgetErrors(r.error) };
}
