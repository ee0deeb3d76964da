import type { View } from 'vega';
import type { Result as EmbedResult } from 'vega-embed';
import type { ResultSet } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import type { WidgetTheme } from '../../src/widgets/vega-lite.js';
import { ChartTooltip, type TooltipField } from '../query-chart/chart-tooltip.js';
import { loadVegaEmbed } from '../query-chart/vega-loader.js';
import type { Size } from '../shared/resize-controller.js';
import { boundsIn } from '../shared/vega-scene.js';
import { dataItems, type DataItem } from './scene-items.js';
import { widgetVegaLite } from './widget-vega-spec.js';

/** What a chart is drawn from; a change of any of them draws it again. */
export interface ChartInputs {
  container: HTMLElement;
  spec: WidgetSpec;
  result: ResultSet;
  renderer: 'svg' | 'canvas';
}

export interface WidgetChartHost {
  /** The positioned box around the drawing: tooltip and highlight coordinates are relative to it. */
  plot(): HTMLElement | null;
  tooltip(): HTMLElement | null;
  highlight(): HTMLElement | null;
  /** The size the drawing should have now. */
  size(): Size;
  theme(): Partial<WidgetTheme>;
  /** A data mark was clicked with the pointer. */
  onClick(index: number): void;
  /** Drawing failed (vega could not be loaded, or rejected the spec). */
  onError(error: unknown): void;
  /** The keyboard-selected mark, -1 for none: a hover tooltip does not replace it. */
  active(): number;
}

/** A tooltip value of vega (an object of title → formatted text, or a string) as label/value pairs. */
export function tooltipFields(value: unknown): TooltipField[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([label, v]) => ({ label, value: String(v) }));
  return [{ label: '', value: String(value) }];
}

const sameInputs = (a: ChartInputs, b: ChartInputs) =>
  a.container === b.container && a.spec === b.spec && a.result === b.result && a.renderer === b.renderer;

/**
 * Draws a widget's chart with vega-embed (loaded on first use) inside the shadow root, keeps it
 * the size of its box, shows tooltips in the shadow root (vega's own handler appends to
 * document.body, which the component's styles cannot reach) and lists its data marks for
 * keyboard navigation.
 */
export class WidgetChart {
  readonly #host: WidgetChartHost;
  readonly #tooltip: ChartTooltip;
  #embedded?: { inputs: ChartInputs; result: EmbedResult; size: Size };
  #embedding?: Promise<void>;
  #pending?: ChartInputs;
  #resizing?: Promise<void>;
  #generation = 0;
  #items?: DataItem[];

  constructor(host: WidgetChartHost) {
    this.#host = host;
    this.#tooltip = new ChartTooltip(() => host.tooltip());
  }

  get view(): View | undefined {
    return this.#embedded?.result.view;
  }

  /** Resolves when the chart being drawn (and any resize) is on screen. */
  async idle(): Promise<void> {
    for (;;) {
      const embedding = this.#embedding;
      const resizing = this.#resizing;
      await embedding;
      await resizing;
      if (embedding === this.#embedding && resizing === this.#resizing) return;
    }
  }

  /** Draws the chart for `inputs` unless it is already drawn or being drawn; undefined removes it. */
  update(inputs: ChartInputs | undefined): void {
    if (!inputs) {
      if (this.#embedded || this.#embedding) this.finalize();
      return;
    }
    if (this.#embedded && sameInputs(this.#embedded.inputs, inputs)) return;
    if (this.#embedding && this.#pending && sameInputs(this.#pending, inputs)) return;
    this.#pending = inputs;
    this.#embedding = this.#embed(inputs);
  }

  /** Follows a new size of the box. */
  resize(): void {
    const embedded = this.#embedded;
    if (!embedded) return;
    const size = this.#host.size();
    if (size.width === embedded.size.width && size.height === embedded.size.height) return;
    embedded.size = size;
    this.#tooltip.hide();
    this.#hideHighlight();
    this.#resizing = embedded.result.view
      .width(size.width)
      .height(size.height)
      .runAsync()
      .then(() => {
        this.#items = undefined;
      });
  }

  /** Removes the drawing and cancels one in progress. */
  finalize(): void {
    this.#generation++;
    this.#embedding = undefined;
    this.#pending = undefined;
    this.#embedded?.result.finalize();
    this.#embedded = undefined;
    this.#items = undefined;
    this.#tooltip.hide();
    this.#hideHighlight();
  }

  /** The data marks now drawn, in row order (see dataItems). */
  items(): DataItem[] {
    const view = this.view;
    if (!view) return [];
    this.#items ??= dataItems(view);
    return this.#items;
  }

  /** Outlines data mark `index` (none for -1) and shows `fields` above it. */
  highlight(index: number, fields: TooltipField[]): void {
    const item = index >= 0 ? this.items()[index] : undefined;
    const plot = this.#host.plot();
    const ring = this.#host.highlight();
    const drawing = this.#embedded?.inputs.container.querySelector('svg, canvas');
    if (!item || !plot || !ring || !drawing) {
      this.#tooltip.hide();
      this.#hideHighlight();
      return;
    }
    const bounds = boundsIn(plot, drawing, item.bounds);
    const pad = 3;
    Object.assign(ring.style, {
      transform: `translate(${Math.round(bounds.x1 - pad)}px, ${Math.round(bounds.y1 - pad)}px)`,
      width: `${Math.round(item.bounds.x2 - item.bounds.x1 + 2 * pad)}px`,
      height: `${Math.round(item.bounds.y2 - item.bounds.y1 + 2 * pad)}px`,
    });
    ring.hidden = false;
    if (fields.length > 0) this.#tooltip.showAbove(fields, bounds);
    else this.#tooltip.hide();
  }

  #hideHighlight(): void {
    const ring = this.#host.highlight();
    if (ring) ring.hidden = true;
  }

  async #embed(inputs: ChartInputs): Promise<void> {
    const generation = ++this.#generation;
    try {
      const { default: embed } = await loadVegaEmbed();
      if (generation !== this.#generation || !inputs.container.isConnected) return;
      const size = this.#host.size();
      const vl = widgetVegaLite(inputs.spec, inputs.result, { ...this.#host.theme(), width: size.width, height: size.height });
      this.#embedded?.result.finalize();
      this.#embedded = undefined;
      this.#items = undefined;
      const result = await embed(inputs.container, vl, {
        renderer: inputs.renderer,
        actions: false,
        defaultStyle: false,
        tooltip: (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) => this.#onHover(event, value),
      });
      if (generation !== this.#generation) {
        result.finalize();
        return;
      }
      this.#embedded = { inputs, result, size };
      result.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: unknown } | null | undefined)?.datum;
        const index = datum === undefined ? -1 : this.items().findIndex((d) => d.datum === datum);
        if (index >= 0) this.#host.onClick(index);
      });
      // The box may have changed size while vega was loading.
      this.resize();
      await this.#resizing;
    } catch (error) {
      if (generation === this.#generation) this.#host.onError(error);
    } finally {
      if (generation === this.#generation) {
        this.#embedding = undefined;
        this.#pending = undefined;
      }
    }
  }

  #onHover(event: MouseEvent, value: unknown): void {
    const plot = this.#host.plot();
    const fields = tooltipFields(value);
    if (!plot || fields.length === 0) {
      if (this.#host.active() < 0) this.#tooltip.hide();
      return;
    }
    this.#tooltip.showAtPointer(fields, event, plot);
  }
}
