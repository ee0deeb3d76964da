import { z } from 'zod';
import { SemanticQuerySchema, type SemanticQuery } from '../contracts/query.js';
import { WIDGET_SPEC_VERSION, WidgetSpecSchema, type Encoding, type FieldType, type WidgetSpec, type WidgetSpecInput } from './spec.js';

/**
 * Older widget specs and their upgrade to the current version.
 *
 * Version 1, the first shape (which may omit `version`): one semantic query and a chart kind with
 * the names of its x, y and color columns; field types were inferred, never written.
 *
 *   { version?: 1, title, description?, query: SemanticQuery,
 *     chart: 'bar' | 'line' | 'area' | 'scatter' | 'pie' | 'number' | 'table',
 *     x?: string, y?: string, color?: string, stacked?: boolean, format?: string }
 *
 * Upgrade to 2: data becomes { kind: 'semantic', query }; scatter → point, pie → donut (theta = y,
 * color = color or x), number → big-number, bar + stacked → stacked-bar; each column name becomes an
 * encoding whose type follows the query (measures quantitative, time dimensions with a granularity
 * temporal, other dimensions nominal); format becomes properties.numberFormat.
 */

export const WidgetSpecV1Schema = z.object({
  version: z.literal(1).optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  query: SemanticQuerySchema,
  chart: z.enum(['bar', 'line', 'area', 'scatter', 'pie', 'number', 'table']),
  x: z.string().min(1).optional(),
  y: z.string().min(1).optional(),
  color: z.string().min(1).optional(),
  stacked: z.boolean().optional(),
  format: z.string().optional(),
});
export type WidgetSpecV1 = z.infer<typeof WidgetSpecV1Schema>;

function inferType(query: SemanticQuery, field: string): FieldType {
  if (query.measures.includes(field)) return 'quantitative';
  if (query.timeDimensions.some((t) => t.granularity && `${t.dimension}.${t.granularity}` === field)) return 'temporal';
  return 'nominal';
}

export function migrateV1ToV2(v1: WidgetSpecV1): WidgetSpecInput {
  const enc = (field: string | undefined): Encoding | undefined => (field ? { field, type: inferType(v1.query, field) } : undefined);
  const encodings: Record<string, Encoding | undefined> = {};
  let mark: WidgetSpec['mark'];
  switch (v1.chart) {
    case 'pie':
      mark = 'donut';
      encodings.theta = enc(v1.y);
      encodings.color = enc(v1.color ?? v1.x);
      break;
    case 'number':
      mark = 'big-number';
      encodings.y = enc(v1.y ?? v1.query.measures[0]);
      break;
    case 'table':
      mark = 'table';
      break;
    default:
      mark = v1.chart === 'scatter' ? 'point' : v1.chart === 'bar' && v1.stacked ? 'stacked-bar' : v1.chart;
      encodings.x = enc(v1.x);
      encodings.y = enc(v1.y);
      encodings.color = enc(v1.color);
  }
  const defined = Object.fromEntries(Object.entries(encodings).filter(([, e]) => e !== undefined));
  return {
    version: WIDGET_SPEC_VERSION,
    title: v1.title,
    ...(v1.description !== undefined ? { description: v1.description } : {}),
    data: { kind: 'semantic', query: v1.query },
    mark,
    encodings: defined,
    properties: v1.format ? { numberFormat: v1.format } : {},
  };
}

export type ParseWidgetResult = { success: true; spec: WidgetSpec; migratedFrom?: number } | { success: false; error: z.ZodError; message: string };

/** "field.path: message; …" for every issue (the first twenty). */
export function formatWidgetErrors(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

const fail = (error: z.ZodError): ParseWidgetResult => ({ success: false, error, message: formatWidgetErrors(error) });

/**
 * Accepts a widget spec of any known version, upgrades it and validates it as the current version.
 * Errors of an older version name the fields of that version, since those are what its author wrote.
 */
export function parseWidgetSpec(input: unknown): ParseWidgetResult {
  const version = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { version?: unknown }).version : undefined;
  const looksV1 = version === 1 || (version === undefined && typeof input === 'object' && input !== null && 'chart' in input);
  if (looksV1) {
    const v1 = WidgetSpecV1Schema.safeParse(input);
    if (!v1.success) return fail(v1.error);
    const v2 = WidgetSpecSchema.safeParse(migrateV1ToV2(v1.data));
    return v2.success ? { success: true, spec: v2.data, migratedFrom: 1 } : fail(v2.error);
  }
  if (version !== WIDGET_SPEC_VERSION) {
    return fail(
      new z.ZodError([
        {
          code: 'custom',
          path: ['version'],
          message: `unknown widget spec version ${JSON.stringify(version)}; known versions are 1 and ${WIDGET_SPEC_VERSION}`,
          input: version,
        },
      ]),
    );
  }
  const r = WidgetSpecSchema.safeParse(input);
  return r.success ? { success: true, spec: r.data } : fail(r.error);
}
