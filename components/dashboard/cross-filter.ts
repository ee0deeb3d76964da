import type { DataModel } from '../../src/contracts/data-model.js';
import type { ScalarValue } from '../../src/contracts/result.js';
import type { CrossFilter, DashboardSpec } from '../../src/dashboards/spec.js';

const TIME_KEY = /^(.+)\.(day|week|month|quarter|year)$/;

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A person's name for a result field: the model's label, else the source widget's title for it, else the column name. */
function fieldLabel(field: string, dashboard: DashboardSpec, sourceId: string, model: DataModel | undefined): string {
  const time = TIME_KEY.exec(field);
  const member = time ? time[1]! : field;
  const dot = member.indexOf('.');
  if (model && dot > 0) {
    const table = member.slice(0, dot);
    const name = member.slice(dot + 1);
    const label =
      model.tables.find((t) => t.name === table)?.columns.find((c) => c.name === name)?.label ??
      model.measures.find((m) => m.table === table && m.name === name)?.label;
    if (label) return time ? `${label} (${time[2]})` : label;
  }
  const spec = dashboard.widgets.find((w) => w.id === sourceId)?.spec;
  const titled = spec && Object.values(spec.encodings).find((e) => e?.field === field && e.title);
  if (titled?.title) return titled.title;
  const column = sentence(member.split('.').pop()!.replace(/_/g, ' '));
  return time ? `${column} (${time[2]})` : column;
}

const showValue = (v: ScalarValue) => (v === null ? '(empty)' : String(v));

/** "Loyalty tier = Gold (from Revenue by loyalty tier)": what the cross-filter chip says. */
export function crossFilterLabel(dashboard: DashboardSpec, cross: CrossFilter, model?: DataModel): string {
  const values = Object.entries(cross.values).map(([field, v]) => `${fieldLabel(field, dashboard, cross.sourceWidgetId, model)} = ${showValue(v)}`);
  const source = dashboard.widgets.find((w) => w.id === cross.sourceWidgetId)?.spec.title ?? cross.sourceWidgetId;
  return `${values.join(', ')} (from ${source})`;
}

const canonical = (values: CrossFilter['values']) =>
  JSON.stringify(Object.keys(values)
    .sort()
    .map((k) => [k, values[k]]));

/** Whether two cross filters come from the same widget and datum (a second click on it clears it). */
export function sameCrossFilter(a: CrossFilter | undefined, b: CrossFilter | undefined): boolean {
  return !!a && !!b && a.sourceWidgetId === b.sourceWidgetId && canonical(a.values) === canonical(b.values);
}
