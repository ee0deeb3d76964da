import { DashboardSpecSchema } from '../../src/dashboards/spec.js';

const MAX_NAME = 120;

/** Why a dashboard name can't be used (the spec's own rule, then uniqueness among `others`), or undefined. */
export function validateDashboardName(name: string, others: readonly string[] = []): string | undefined {
  const r = DashboardSpecSchema.shape.name.safeParse(name);
  if (!r.success) {
    const message = r.error.issues[0]?.message ?? 'invalid name';
    return /name/i.test(message) ? capitalize(message) : `Name: ${message}.`;
  }
  const wanted = r.data.toLocaleLowerCase();
  if (others.some((o) => o.trim().toLocaleLowerCase() === wanted)) return `A dashboard named “${r.data}” already exists. Choose another name.`;
  return undefined;
}

const capitalize = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/** "Sales (copy)", or "Sales (copy 2)" and so on when that name is taken. */
export function copyName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.trim().toLocaleLowerCase()));
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
