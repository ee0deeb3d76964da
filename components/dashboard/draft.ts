import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { duplicateWidget, placeNew, type LayoutItem } from '../../src/dashboards/layout.js';
import type { DashboardSpec, DashboardWidget } from '../../src/dashboards/spec.js';
import type { StoredDashboard } from '../../src/dashboards/store.js';
import type { WidgetMark, WidgetSpec } from '../../src/widgets/spec.js';
import type { WidgetSettings } from './widget-settings.js';

/** Grid cells a new widget takes, by what it shows: numbers are small, tables and charts wide. */
export function defaultSize(mark: WidgetMark): { w: number; h: number } {
  switch (mark) {
    case 'big-number':
      return { w: 3, h: 2 };
    case 'donut':
      return { w: 4, h: 4 };
    default:
      return { w: 6, h: 4 };
  }
}

/** A widget id from a hint (the catalog id or the title), unique among `taken`, within the spec's 64 characters. */
export function newWidgetId(hint: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    hint
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'widget';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The dashboard with one more widget, placed at the first free spot of its size. */
export function addWidget(spec: DashboardSpec, widget: WidgetSpec, idHint?: string): { spec: DashboardSpec; id: string } {
  const id = newWidgetId(idHint ?? widget.title, spec.widgets.map((w) => w.id));
  const layout = placeNew(spec.widgets, defaultSize(widget.mark));
  const added: DashboardWidget = { id, spec: widget, layout, filters: { dateRange: true, global: [], crossFilter: false } };
  return { spec: { ...spec, widgets: [...spec.widgets, added] }, id };
}

/** The dashboard with a copy of widget `id` right after it; the copy's title says it is one. */
export function duplicate(spec: DashboardSpec, id: string): { spec: DashboardSpec; id: string } {
  const before = new Set(spec.widgets.map((w) => w.id));
  const widgets = duplicateWidget(spec.widgets, id);
  const copy = widgets.find((w) => !before.has(w.id))!;
  copy.spec = { ...copy.spec, title: `${copy.spec.title} (copy)` };
  return { spec: { ...spec, widgets }, id: copy.id };
}

export function removeWidget(spec: DashboardSpec, id: string): DashboardSpec {
  const widgets = spec.widgets.filter((w) => w.id !== id);
  // The cross-filter source and layout refer to ids only, so nothing else points at the removed widget.
  return { ...spec, widgets };
}

export function applySettings(spec: DashboardSpec, id: string, settings: WidgetSettings): DashboardSpec {
  return {
    ...spec,
    widgets: spec.widgets.map((w) => (w.id === id ? { ...w, spec: { ...w.spec, title: settings.title }, filters: { ...settings.filters } } : w)),
  };
}

/** The dashboard with widget `id` showing `widget` instead; its id, layout and filter choices stay. */
export function replaceWidgetSpec(spec: DashboardSpec, id: string, widget: WidgetSpec): DashboardSpec {
  return { ...spec, widgets: spec.widgets.map((w) => (w.id === id ? { ...w, spec: widget } : w)) };
}

/** New positions from the grid; ids the grid does not know keep theirs. */
export function applyLayout(spec: DashboardSpec, items: readonly LayoutItem[]): DashboardSpec {
  const byId = new Map(items.map((i) => [i.id, i.layout]));
  return { ...spec, widgets: spec.widgets.map((w) => ({ ...w, layout: byId.get(w.id) ?? w.layout })) };
}

/**
 * The edit session of a dashboard: a copy of the stored spec that the toolbar, dialogs and grid
 * change, and the revision the edit started from (what a save names, so a save over somebody
 * else's never happens silently).
 */
export class DraftController implements ReactiveController {
  #base?: StoredDashboard;
  #spec?: DashboardSpec;
  #baseline = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts editing a copy of `stored`. */
  begin(stored: StoredDashboard): void {
    this.#base = stored;
    this.#spec = structuredClone(stored.spec);
    this.#baseline = JSON.stringify(stored.spec);
    this.host.requestUpdate();
  }

  /** Ends the edit session (after a save, or to discard). */
  end(): void {
    this.#base = undefined;
    this.#spec = undefined;
    this.#baseline = '';
    this.host.requestUpdate();
  }

  get active(): boolean {
    return this.#spec !== undefined;
  }

  /** The spec being edited. */
  get spec(): DashboardSpec | undefined {
    return this.#spec;
  }

  /** The stored version the edit started from. */
  get base(): StoredDashboard | undefined {
    return this.#base;
  }

  /** Whether the draft differs from the version it started from. */
  get dirty(): boolean {
    return this.#spec !== undefined && JSON.stringify(this.#spec) !== this.#baseline;
  }

  /** Applies a change to the draft. */
  update(change: (spec: DashboardSpec) => DashboardSpec): void {
    if (!this.#spec) return;
    this.#spec = change(this.#spec);
    this.host.requestUpdate();
  }
}
