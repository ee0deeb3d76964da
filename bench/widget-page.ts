/**
 * The widget benchmark on the page: one `<clv-widget>` drawing a snapshot of N rows, against
 * vega-embed drawing the same Vega-Lite spec into a plain div of the same size. Each run starts
 * from a fresh element (created and connected outside the timed region), so both sides draw from
 * scratch; only the drawing is timed.
 */
import embed from 'vega-embed';
import '../components/widget/define.js';
import type { ClvWidget } from '../components/widget/widget.js';
import type { WidgetSnapshot } from '../src/widgets/snapshot.js';
import { toVegaLite } from '../src/widgets/vega-lite.js';
import type { Sample } from './harness.js';
import type { ChartRun } from './protocol.js';
import { WIDGET_BOX, widgetBenchSnapshot, type WidgetChart } from './widget-workload.js';

const snapshots = new Map<string, WidgetSnapshot>();

/** The snapshot of a chart, built once (outside the timed runs). */
function snapshotOf(chart: WidgetChart, rows: number): WidgetSnapshot {
  const key = `${chart}:${rows}`;
  let s = snapshots.get(key);
  if (!s) {
    s = widgetBenchSnapshot(chart, rows);
    snapshots.set(key, s);
  }
  return s;
}

/** A visible box on the page for one contender, removed after its run. */
function stage(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = `width:${WIDGET_BOX.width}px;position:relative`;
  document.body.append(box);
  return box;
}

const symbols = (root: ParentNode) => root.querySelectorAll('g.mark-symbol.role-mark path').length;

async function settle(): Promise<void> {
  window.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** `<clv-widget>`: from setting `snapshot` to `rendered` (validation, formatting, summary, table, shadow DOM and the chart). */
export async function widgetChart(chart: WidgetChart, rows: number): Promise<Sample<ChartRun>> {
  const snapshot = snapshotOf(chart, rows);
  const box = stage();
  try {
    const el = document.createElement('clv-widget') as ClvWidget;
    el.height = WIDGET_BOX.height;
    box.append(el);
    await el.updateComplete;
    await settle();
    const start = performance.now();
    el.snapshot = snapshot;
    await el.rendered;
    const ms = performance.now() - start;
    if (el.state !== 'data') throw new Error(`the widget ended in state ${el.state}${el.error ? `: ${el.error.message}` : ''}`);
    return { ms, value: { marks: symbols(el.renderRoot) } };
  } finally {
    box.remove();
  }
}

/** The baseline: toVegaLite of the same spec and rows, then vega-embed into a plain div of the same box. */
export async function vegaEmbedChart(chart: WidgetChart, rows: number): Promise<Sample<ChartRun>> {
  const { spec, result } = snapshotOf(chart, rows);
  const box = stage();
  const target = document.createElement('div');
  target.style.height = `${WIDGET_BOX.height}px`;
  box.append(target);
  let finalize: (() => void) | undefined;
  try {
    await settle();
    const start = performance.now();
    const vl = toVegaLite(spec, result, { width: WIDGET_BOX.width, height: WIDGET_BOX.height });
    if (!vl) throw new Error(`a ${spec.mark} widget is not drawn by Vega-Lite`);
    const embedded = await embed(target, vl, { renderer: 'svg', actions: false });
    const ms = performance.now() - start;
    finalize = () => embedded.finalize();
    return { ms, value: { marks: symbols(target) } };
  } finally {
    finalize?.();
    box.remove();
  }
}
