import type { DataModel } from '../../src/contracts/data-model.js';
import { applyDashboardFilters, type EffectiveWidget } from '../../src/dashboards/filters.js';
import type { DashboardFilterState, DashboardSpec, DashboardWidget } from '../../src/dashboards/spec.js';
import { toDisplayError } from '../shared/query-controller.js';

/** A widget's spec with the dashboard filters applied, or why they could not be applied. */
export type AppliedWidget = EffectiveWidget | { error: string };

/**
 * The spec each widget runs, recomputed on every filter or dashboard change but handed out as the
 * very same object while its content is unchanged: `<clv-widget>` re-runs when its spec changes by
 * identity, so only the widgets a change really affects run again (and abort their stale query).
 */
export class EffectiveSpecs {
  #cache = new Map<string, { key: string; value: AppliedWidget }>();

  compute(dashboard: DashboardSpec, state: DashboardFilterState, options: { now: string | number; model?: DataModel }): Map<string, AppliedWidget> {
    const out = new Map<string, AppliedWidget>();
    for (const widget of dashboard.widgets) {
      const value = this.#apply(widget, dashboard, state, options);
      const key = JSON.stringify(value);
      const cached = this.#cache.get(widget.id);
      if (cached && cached.key === key) out.set(widget.id, cached.value);
      else {
        this.#cache.set(widget.id, { key, value });
        out.set(widget.id, value);
      }
    }
    for (const id of this.#cache.keys()) if (!out.has(id)) this.#cache.delete(id);
    return out;
  }

  /** Forgets every spec (another dashboard was opened). */
  clear(): void {
    this.#cache.clear();
  }

  #apply(widget: DashboardWidget, dashboard: DashboardSpec, state: DashboardFilterState, options: { now: string | number; model?: DataModel }): AppliedWidget {
    try {
      return applyDashboardFilters(widget, dashboard, state, options);
    } catch (error) {
      return { error: toDisplayError(error).message };
    }
  }
}
