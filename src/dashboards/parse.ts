import { slugify as slugText } from '../text/slug.js';
import { describeZodError } from '../contracts/errors.js';
import { DASHBOARD_SPEC_VERSION, DashboardSpecSchema, type DashboardSpec, type DashboardSpecInput } from './spec.js';

/** Dashboard specs in from storage, files or people: parsed once, with messages that name the field. */

export type ParseDashboardResult =
  | { success: true; spec: DashboardSpec }
  | {
      success: false;
      /** "widgets.2.layout.w: x + w must not exceed 12 columns" (up to five problems, separated by "; "). */
      message: string;
      /** Dotted path of the first problem, when there is one. */
      field?: string;
    };

export function parseDashboardSpec(input: unknown): ParseDashboardResult {
  const r = DashboardSpecSchema.safeParse(input);
  if (r.success) return { success: true, spec: r.data };
  const { message, field } = describeZodError(r.error);
  return { success: false, message, ...(field ? { field } : {}) };
}

/** Thrown by newDashboard and renameDashboard when what they were given is not a valid dashboard. */
export class DashboardSpecError extends Error {
  override readonly name = 'DashboardSpecError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function parseOrThrow(input: DashboardSpecInput): DashboardSpec {
  const r = parseDashboardSpec(input);
  if (!r.success) throw new DashboardSpecError(r.message, r.field);
  return r.spec;
}

/** A dashboard id from its name: "Revenue & CLV (EU)" → "revenue-clv-eu"; at most 48 characters. */
export function slugify(name: string): string {
  return slugText(name, { maxLength: 48, fallback: 'dashboard' });
}

function randomSuffix(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  if (uuid) return uuid.slice(0, 8);
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/** An empty dashboard; without an id it gets the name's slug and a random suffix ("sales-overview-3f9a1c2e"). */
export function newDashboard(name: string, id?: string): DashboardSpec {
  return parseOrThrow({ version: DASHBOARD_SPEC_VERSION, id: id ?? `${slugify(name)}-${randomSuffix()}`, name: name.trim(), widgets: [] });
}

/** The same dashboard under a new name (trimmed; 1–120 characters). The id stays. */
export function renameDashboard(spec: DashboardSpec, name: string): DashboardSpec {
  return parseOrThrow({ ...spec, name });
}
