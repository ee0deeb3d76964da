import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { View } from 'vega';
import type { Result as EmbedResult } from 'vega-embed';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { SemanticQueryInput } from '../../src/contracts/query.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { emit, type ChartClickDetail, type QueryCompleteDetail, type QueryErrorDetail } from '../shared/events.js';
import { formatNumber, formatValue } from '../shared/format.js';
import { onPointKey } from '../shared/point-keys.js';
import { QueryController, toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { ResizeController } from '../shared/resize-controller.js';
import { categoryTokens, readToken } from '../shared/tokens.styles.js';
import { boundsIn } from '../shared/vega-scene.js';
import {
  ChartConfigError,
  isChartMark,
  isVegaMark,
  resolveBigNumberColumn,
  resolveMapping,
  type ChartMark,
  type ResolvedMapping,
  type VegaMark,
} from './chart-mapping.js';
import { markBounds } from './chart-scene.js';
import { renderSkeleton } from './chart-skeleton.js';
import { ACTIVE_SIGNAL, buildSpec, INDEX_FIELD, type ChartTheme } from './chart-spec.js';
import { describeRowFields, summarizeChart, summarizeTable } from './chart-summary.js';
import { ChartTooltip } from './chart-tooltip.js';
import { renderDataTable } from './data-table.js';
import { queryChartStyles } from './query-chart.styles.js';
import { loadVegaEmbed } from './vega-loader.js';

/** What the chart currently shows. */
export type QueryChartState = 'idle' | 'loading' | 'error' | 'empty' | 'data';

/** Rows of the screen-reader table behind a chart; a chart of more rows is summarised, not listed in full. */
const MAX_HIDDEN_TABLE_ROWS = 500;
/** Rows drawn by the table view; a longer result is cut, and the caption says so. */
const MAX_TABLE_ROWS = 1_000;
const DEFAULT_HEIGHT = 300;
const FALLBACK_WIDTH = 480;

interface EmbedInputs {
  container: HTMLElement;
  result: ResultSet;
  mark: VegaMark;
  mapping: ResolvedMapping;
  height: number;
  renderer: 'svg' | 'canvas';
}

/**
 * @summary Runs a semantic query through a data adapter and shows the result as a chart, a big number or a table.
 * @tagname clv-query-chart
 *
 * @event clv-chart-click - A mark was clicked, or chosen with Enter/Space; detail: `{datum, index, columns, source}`.
 * @event clv-query-complete - The query returned a result; detail: `{result}`.
 * @event clv-query-error - The query failed (cancellations are not reported); detail: `{message, code, error}`.
 *
 * @csspart base - The figure wrapping everything.
 * @csspart label - The title (when `label` is set).
 * @csspart plot - The focusable chart area (bar, line, area, point).
 * @csspart chart - The element vega draws into.
 * @csspart tooltip - The tooltip shown on hover and keyboard selection.
 * @csspart summary - The text summary under a chart.
 * @csspart big-number - The big-number block; its parts `value` and `caption`.
 * @csspart value - The formatted big number.
 * @csspart caption - The big number's label.
 * @csspart table-container - The scrolling box around the table view.
 * @csspart table - The table (table view).
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart empty - The message shown when the query returned no rows.
 * @csspart error - The error panel; it holds `error-message`, `error-code` and `retry-button`.
 * @csspart error-message - The error text.
 * @csspart error-code - The error code.
 * @csspart retry-button - The Retry button.
 * @csspart message - The note shown before there is a query or an adapter.
 *
 * @cssprop --clv-color-accent - Colour of single-series marks.
 * @cssprop --clv-color-category-1 - First of the eight series colours (--clv-color-category-1 … -8).
 * @cssprop --clv-color-text - Text and axis titles.
 * @cssprop --clv-color-text-muted - Axis labels, summary and captions.
 * @cssprop --clv-color-grid - Grid lines.
 * @cssprop --clv-color-skeleton - The loading placeholder.
 * @cssprop --clv-color-danger - Error border and title.
 * @cssprop --clv-font-family - Font of the text and of the chart.
 */
export class ClvQueryChart extends LitElement {
  static override styles = queryChartStyles;

  static override properties = {
    query: { attribute: false },
    adapter: { attribute: false },
    mark: { reflect: true },
    x: {},
    y: {},
    color: {},
    label: {},
    height: { type: Number },
    renderer: {},
    now: {},
    _active: { state: true },
  };

  /** The semantic query to run. Assign a new object to run a changed query. */
  declare query: SemanticQueryInput | undefined;
  /** The adapter to query; when unset, the one of the nearest `<clv-data-provider>`. */
  declare adapter: DataAdapter | undefined;
  /** How to show the result: bar, line, area, point (vega charts), big-number or table. */
  declare mark: ChartMark;
  /** Result column on the x axis (default: the first time dimension, else the first dimension). */
  declare x: string | undefined;
  /** Result column on the y axis, or shown as the big number (default: the first measure). */
  declare y: string | undefined;
  /** Result column that colours and groups the marks (default: a second dimension, if any). */
  declare color: string | undefined;
  /** Title shown above the chart and used as its accessible name. */
  declare label: string | undefined;
  /** Height in pixels of the chart area and the maximum height of the table. */
  declare height: number;
  /** How vega draws: svg (default; sharper, inspectable) or canvas (faster for many marks). */
  declare renderer: 'svg' | 'canvas';
  /** Pins "now" (ISO date) for relative date ranges in the query. */
  declare now: string | undefined;
  /** Index of the keyboard-selected row, -1 for none. */
  declare _active: number;

  readonly #query = new QueryController(this, {
    adapter: () => this.adapter,
    query: () => this.query,
    now: () => this.now,
    onComplete: (result) => emit<QueryCompleteDetail>(this, 'clv-query-complete', { result }),
    onError: (shown, error) => emit<QueryErrorDetail>(this, 'clv-query-error', { ...shown, error }),
  });
  readonly #tooltip = new ChartTooltip(() => this.renderRoot.querySelector<HTMLElement>('.tooltip'));
  #embedded?: { inputs: EmbedInputs; result: EmbedResult; width: number };
  #embedding?: Promise<void>;
  #pendingInputs?: EmbedInputs;
  #resizing?: Promise<void>;
  #embedGeneration = 0;
  #embedError?: DisplayError;
  #configError?: DisplayError;
  #mapping?: ResolvedMapping;
  #announcement = '';

  constructor() {
    super();
    this.query = undefined;
    this.adapter = undefined;
    this.mark = 'bar';
    this.x = undefined;
    this.y = undefined;
    this.color = undefined;
    this.label = undefined;
    this.height = DEFAULT_HEIGHT;
    this.renderer = 'svg';
    this.now = undefined;
    this._active = -1;
    new ResizeController(this, () => this.#resizeView());
  }

  /** What the chart shows now: idle (no query or adapter), loading, error, empty or data. */
  get state(): QueryChartState {
    switch (this.#query.status) {
      case 'loading':
        return 'loading';
      case 'error':
        return 'error';
      case 'complete':
        if (this.#configError || this.#embedError) return 'error';
        return this.#query.result && this.#query.result.rows.length > 0 ? 'data' : 'empty';
      default:
        return 'idle';
    }
  }

  /** The last result, while the chart shows it. */
  get result(): ResultSet | undefined {
    return this.#query.result;
  }

  /** The error shown in the error state. */
  get error(): DisplayError | undefined {
    return this.#query.error ?? this.#configError ?? this.#embedError;
  }

  /** The adapter in use: `adapter`, else the one from the nearest `<clv-data-provider>`. */
  get activeAdapter(): DataAdapter | undefined {
    return this.#query.adapter;
  }

  /** The vega view of a drawn chart (bar, line, area, point), for advanced use such as export. */
  get view(): View | undefined {
    return this.#embedded?.result.view;
  }

  /**
   * Resolves once the current query has settled and its outcome is on screen, the vega chart
   * included. Stays pending while the query is still running.
   */
  get rendered(): Promise<void> {
    return this.#settle();
  }

  /** Runs the query again (what the Retry button does). */
  retry(): Promise<void> {
    this.#embedError = undefined;
    return this.#query.rerun();
  }

  /** Redraws the chart, for example after the design tokens changed. */
  redraw(): void {
    this.#finalize();
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A chart finalized on disconnect is drawn again when the element comes back.
    if (!this.#embedded) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#finalize();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mark') && !isChartMark(this.mark)) this.mark = 'bar';
    if (changed.has('renderer') && this.renderer !== 'canvas') this.renderer = 'svg';
    if (!Number.isFinite(this.height) || this.height < 80) this.height = DEFAULT_HEIGHT;
    const result = this.#query.result;
    this.#configError = undefined;
    this.#mapping = undefined;
    if (result && result.rows.length > 0) {
      try {
        if (isVegaMark(this.mark)) this.#mapping = resolveMapping(result.columns, { x: this.x, y: this.y, color: this.color }, this.mark);
        else if (this.mark === 'big-number') resolveBigNumberColumn(result.columns, { y: this.y });
      } catch (error) {
        if (!(error instanceof ChartConfigError)) throw error;
        this.#configError = { message: error.message, code: error.code };
      }
    }
    if (changed.has('query') || changed.has('adapter') || changed.has('mark')) {
      this._active = -1;
      this.#announcement = '';
      this.#embedError = undefined;
    }
  }

  protected override render(): TemplateResult {
    const state = this.state;
    return html`<figure part="base" class="base" aria-busy=${state === 'loading' ? 'true' : 'false'} aria-labelledby=${this.label ? 'label' : nothing}>
      ${this.label ? html`<figcaption part="label" class="label" id="label">${this.label}</figcaption>` : nothing}
      ${this.#renderState(state)}
    </figure>`;
  }

  protected override updated(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.vega');
    const result = this.#query.result;
    if (!container || !result || !this.#mapping || !isVegaMark(this.mark)) {
      if (this.#embedded && !container) this.#finalize();
      return;
    }
    const inputs: EmbedInputs = { container, result, mark: this.mark, mapping: this.#mapping, height: this.height, renderer: this.renderer };
    if (!this.#embedded || !sameInputs(this.#embedded.inputs, inputs)) {
      if (!this.#embedding || !this.#pendingInputs || !sameInputs(this.#pendingInputs, inputs)) {
        this.#pendingInputs = inputs;
        this.#embedding = this.#embed(inputs);
      }
    }
  }

  #renderState(state: QueryChartState): TemplateResult {
    switch (state) {
      case 'idle':
        return html`<p part="message" class="message">
          ${this.query ? 'No data adapter: put the chart inside <clv-data-provider> or set its adapter property.' : 'No query to run yet.'}
        </p>`;
      case 'loading':
        return html`${renderSkeleton(this.mark, this.height)}
          <span class="visually-hidden" role="status">Loading ${this.label ?? 'chart data'}…</span>`;
      case 'error':
        return this.#renderError(this.error ?? { message: 'Unknown error.', code: 'error' });
      case 'empty':
        return html`<p part="empty" class="empty" role="status" style=${this.#placeholderStyle()}>The query ran and returned no rows.</p>`;
      case 'data':
        return this.#renderData(this.#query.result!);
    }
  }

  #renderError(error: DisplayError): TemplateResult {
    const retryable = error.code !== 'invalid_mapping';
    const tall = this.mark !== 'big-number';
    const title = this.#query.error
      ? 'The query failed.'
      : retryable
        ? 'The chart could not be drawn.'
        : 'The chart cannot show this result.';
    return html`<div part="error" class="error ${tall ? 'error--tall' : ''}" role="alert" style=${this.#placeholderStyle()}>
      <p class="error__title">${title}</p>
      <p part="error-message" class="error__message">${error.message}</p>
      <p class="error__code">Code: <code part="error-code">${error.code}</code></p>
      ${retryable ? html`<button part="retry-button" class="button" type="button" @click=${this.#onRetry}>Retry</button>` : nothing}
    </div>`;
  }

  /** Empty and error panels keep the chart's height, so a dashboard does not reflow when a tile fails. */
  #placeholderStyle(): string {
    return this.mark === 'big-number' ? '' : `min-height:${this.height}px`;
  }

  #renderData(result: ResultSet): TemplateResult {
    if (this.mark === 'big-number') {
      const column = resolveBigNumberColumn(result.columns, { y: this.y });
      // The caption names the measure, unless the title already does.
      const caption = this.label?.trim().toLowerCase() === column.label.toLowerCase() ? nothing : column.label;
      return html`<div part="big-number" class="big-number">
        <span part="value" class="big-number__value">${formatValue(result.rows[0][column.name], column)}</span>
        ${caption === nothing ? nothing : html`<span part="caption" class="big-number__label">${caption}</span>`}
      </div>`;
    }
    if (this.mark === 'table') {
      return html`<div
        part="table-container"
        class="table-wrap"
        style="max-height:${this.height}px"
        tabindex="0"
        role="region"
        aria-label=${this.label ?? 'Query result'}
      >
        ${renderDataTable(result, {
          caption: `${this.label ? `${this.label}: ` : ''}${summarizeTable(result)}`,
          maxRows: MAX_TABLE_ROWS,
          hideCaption: true,
        })}
      </div>
      ${result.rows.length > MAX_TABLE_ROWS
        ? html`<p class="hint">Showing the first ${formatNumber(MAX_TABLE_ROWS, ',d')} of ${formatNumber(result.rows.length, ',d')} rows.</p>`
        : nothing}`;
    }
    const mapping = this.#mapping!;
    const summary = summarizeChart(this.mark, result, mapping);
    return html`<div
        part="plot"
        class="plot"
        style="height:${this.height}px"
        tabindex="0"
        role="group"
        aria-label=${this.label ?? summary}
        aria-describedby="summary keys"
        @keydown=${this.#onKeyDown}
        @blur=${this.#onBlur}
      >
        <div part="chart" class="vega" aria-hidden="true"></div>
        <div part="tooltip" class="tooltip" aria-hidden="true" hidden></div>
      </div>
      <p part="summary" class="summary" id="summary">${summary}</p>
      <p class="visually-hidden" id="keys">Use the arrow keys to move between data points and Enter to select one.</p>
      <div class="visually-hidden">
        ${renderDataTable(result, { caption: `Data of the chart${this.label ? ` ${this.label}` : ''}`, maxRows: MAX_HIDDEN_TABLE_ROWS, hideCaption: false })}
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.#announcement}</div>`;
  }

  #onRetry = (): void => {
    void this.retry();
  };

  async #settle(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      await this.#query.settled();
      await this.updateComplete;
      const embedding = this.#embedding;
      if (embedding) await embedding;
      await this.#resizing;
      if (!this.isUpdatePending && this.#query.status !== 'loading' && embedding === this.#embedding) return;
    }
  }

  #theme(): ChartTheme {
    return {
      text: readToken(this, '--clv-color-text'),
      textMuted: readToken(this, '--clv-color-text-muted'),
      grid: readToken(this, '--clv-color-grid'),
      border: readToken(this, '--clv-color-border'),
      accent: readToken(this, '--clv-color-accent'),
      fontFamily: readToken(this, '--clv-font-family'),
      categories: categoryTokens.map((t) => readToken(this, t)),
    };
  }

  async #embed(inputs: EmbedInputs): Promise<void> {
    const generation = ++this.#embedGeneration;
    try {
      const { default: embed } = await loadVegaEmbed();
      if (generation !== this.#embedGeneration || !inputs.container.isConnected) return;
      const width = inputs.container.clientWidth || FALLBACK_WIDTH;
      const spec = buildSpec({ mark: inputs.mark, result: inputs.result, mapping: inputs.mapping, width, height: inputs.height, theme: this.#theme() });
      this.#finalize();
      const result = await embed(inputs.container, spec, {
        renderer: inputs.renderer,
        actions: false,
        defaultStyle: false,
        tooltip: (_handler: unknown, event: MouseEvent, item: unknown, value: unknown) => this.#onVegaTooltip(event, item, value),
      });
      if (generation !== this.#embedGeneration) {
        result.finalize();
        return;
      }
      this.#embedded = { inputs, result, width };
      // The container may have been resized while vega was loading.
      this.#resizeView();
      result.view.addEventListener('click', (_event, item) => {
        const index = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum?.[INDEX_FIELD];
        if (typeof index === 'number') this.#select(index, 'pointer');
      });
      if (this._active >= 0) await this.#highlight(this._active);
    } catch (error) {
      if (generation !== this.#embedGeneration) return;
      this.#embedError = toDisplayError(error);
      this.requestUpdate();
    } finally {
      if (generation === this.#embedGeneration) {
        this.#embedding = undefined;
        this.#pendingInputs = undefined;
      }
    }
  }

  #finalize(): void {
    this.#embedded?.result.finalize();
    this.#embedded = undefined;
    this.#tooltip.hide();
  }

  #resizeView(): void {
    const embedded = this.#embedded;
    if (!embedded) return;
    const width = embedded.inputs.container.clientWidth;
    if (width > 0 && width !== embedded.width) {
      embedded.width = width;
      this.#tooltip.hide();
      this.#resizing = embedded.result.view.width(width).runAsync().then(() => undefined);
    }
  }

  #onVegaTooltip(event: MouseEvent, item: unknown, value: unknown): void {
    const index = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum?.[INDEX_FIELD];
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    const result = this.#embedded?.inputs.result;
    if (value === undefined || value === null || typeof index !== 'number' || !plot || !result) {
      if (this._active < 0) this.#tooltip.hide();
      return;
    }
    this.#tooltip.showAtPointer(describeRowFields(result.rows[index], result.columns, this.#embedded?.inputs.mapping), event, plot);
  }

  #select(index: number, source: ChartClickDetail['source']): void {
    const result = this.#query.result;
    if (!result || index < 0 || index >= result.rows.length) return;
    emit<ChartClickDetail>(this, 'clv-chart-click', { datum: result.rows[index], index, columns: result.columns, source });
  }

  #onKeyDown = (event: KeyboardEvent): void =>
    onPointKey(event, {
      count: this.#query.result?.rows.length ?? 0,
      active: this._active,
      move: (index) => void this.#highlight(index),
      choose: (index) => this.#select(index, 'keyboard'),
    });

  #onBlur = (): void => {
    if (this._active >= 0) void this.#highlight(-1);
  };

  async #highlight(index: number): Promise<void> {
    this._active = index;
    const embedded = this.#embedded;
    const result = this.#query.result;
    if (index < 0 || !result) {
      this.#tooltip.hide();
      this.#announcement = '';
    } else {
      const fields = describeRowFields(result.rows[index], result.columns, this.#mapping);
      this.#announcement = `${formatNumber(index + 1, ',d')} of ${formatNumber(result.rows.length, ',d')}: ${fields.map((f) => `${f.label} ${f.value}`).join(', ')}`;
    }
    this.requestUpdate();
    if (!embedded) return;
    await embedded.result.view.signal(ACTIVE_SIGNAL, index).runAsync();
    if (index < 0 || !result) return;
    const bounds = markBounds(embedded.result.view, index);
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    const drawing = embedded.inputs.container.querySelector('svg, canvas');
    if (!bounds || !plot || !drawing) return;
    this.#tooltip.showAbove(describeRowFields(result.rows[index], result.columns, this.#mapping), boundsIn(plot, drawing, bounds));
  }
}

function sameInputs(a: EmbedInputs, b: EmbedInputs): boolean {
  return (
    a.container === b.container &&
    a.result === b.result &&
    a.mark === b.mark &&
    a.height === b.height &&
    a.renderer === b.renderer &&
    a.mapping.x === b.mapping.x &&
    a.mapping.y === b.mapping.y &&
    a.mapping.color === b.mapping.color
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-query-chart': ClvQueryChart;
  }
}
