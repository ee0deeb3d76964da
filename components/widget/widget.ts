import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { View } from 'vega';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { Provenance, ResultSet } from '../../src/contracts/result.js';
import type { QueryGate } from '../../src/query/gate.js';
import { parseWidgetSpec } from '../../src/widgets/migrate.js';
import { rowLimitNotice } from '../../src/widgets/row-limit.js';
import { parseWidgetSnapshot, type WidgetSnapshot } from '../../src/widgets/snapshot.js';
import type { WidgetSpec, WidgetSpecInput } from '../../src/widgets/spec.js';
import type { TooltipField } from '../query-chart/chart-tooltip.js';
import { emit, type QueryCompleteDetail, type QueryErrorDetail } from '../shared/events.js';
import { formatNumber } from '../shared/format.js';
import { onPointKey } from '../shared/point-keys.js';
import { toDisplayError, type DisplayError } from '../shared/query-controller.js';
import { ResizeController, type Size } from '../shared/resize-controller.js';
import { bigNumberModel, renderBigNumber } from './big-number.js';
import type { DataItem } from './scene-items.js';
import { clickDetail, datumRow, type WidgetClickDetail } from './widget-click.js';
import { tooltipFields, WidgetChart } from './widget-chart.js';
import { checkFields, WidgetConfigError } from './widget-errors.js';
import { widgetFormatter, type ValueFormatter } from './widget-format.js';
import type { WidgetData } from './widget-queries.js';
import { WidgetRunController } from './widget-run.js';
import { renderWidgetSkeleton } from './widget-skeleton.js';
import type { WidgetExportSource } from './widget-source.js';
import { widgetStyles } from './widget.styles.js';
import { renderPlainTable, WidgetTable } from './widget-table.js';
import { summarizeWidget } from './widget-summary.js';
import { readWidgetTheme } from './widget-vega-spec.js';

/** What the widget currently shows. */
export type WidgetState = 'idle' | 'loading' | 'error' | 'empty' | 'data';

const DEFAULT_HEIGHT = 300;
const FALLBACK_WIDTH = 480;
/** Rows of the screen-reader table behind a chart; a chart of more rows is summarised, not listed in full. */
const MAX_HIDDEN_TABLE_ROWS = 500;
/** Errors that running the queries again cannot fix: no Retry button. */
const FINAL_ERRORS = new Set(['invalid_spec', 'invalid_snapshot', 'invalid_mapping']);

const isChart = (spec: WidgetSpec) => spec.mark !== 'big-number' && spec.mark !== 'table';

/**
 * @summary One dashboard tile: renders a widget spec (chart, big number or table) from a data adapter, or from a snapshot.
 * @tagname clv-widget
 *
 * @event clv-widget-click - A mark or table row was clicked, or chosen with Enter/Space; detail: `{spec, datum, index, columns, source, filter?, drill?}`.
 * @event clv-query-complete - The widget's queries returned; detail: `{result}`.
 * @event clv-query-error - A query failed (cancellations are not reported); detail: `{message, code, error}`.
 *
 * @slot actions - Buttons in the header, before the menu (a dashboard puts its edit buttons here).
 *
 * @csspart base - The box around everything.
 * @csspart header - The header: title, description, actions and menu.
 * @csspart title - The title (a heading).
 * @csspart description - The description under the title.
 * @csspart menu - The widget menu (`<clv-widget-menu>`).
 * @csspart plot - The focusable chart area.
 * @csspart chart - The element vega draws into.
 * @csspart tooltip - The tooltip shown on hover and keyboard selection.
 * @csspart summary - The text summary under a chart.
 * @csspart limit-note - The note under a chart or table whose rows the query's row limit may have cut.
 * @csspart big-number - The big-number block.
 * @csspart value - The formatted big number.
 * @csspart delta - The change against the comparison (arrow, value and words).
 * @csspart table-container - The scrolling box around the table.
 * @csspart table - The table.
 * @csspart pager - The row range and the Previous/Next buttons under the table.
 * @csspart page-button - The Previous and Next buttons.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart empty - The message shown when the query returned no rows.
 * @csspart error - The error panel; it holds `error-message`, `error-code` and `retry-button`.
 * @csspart error-message - The error text.
 * @csspart error-code - The error code.
 * @csspart retry-button - The Retry button.
 * @csspart message - The note shown before there is a spec or an adapter.
 *
 * @cssprop --clv-color-accent - Colour of single-series marks.
 * @cssprop --clv-color-category-1 - First of the eight series colours (--clv-color-category-1 … -8; Okabe–Ito by default).
 * @cssprop --clv-color-text - Text, axis titles and the keyboard highlight.
 * @cssprop --clv-color-text-muted - Axis labels, description, summary and captions.
 * @cssprop --clv-color-grid - Grid lines.
 * @cssprop --clv-color-skeleton - The loading placeholder.
 * @cssprop --clv-color-success - A change that is good news.
 * @cssprop --clv-color-danger - A change that is bad news; error border and title.
 * @cssprop --clv-color-warning - Edge of the row-limit note.
 * @cssprop --clv-font-family - Font of the text and of the chart.
 */
export class ClvWidget extends LitElement implements WidgetExportSource {
  static override styles = widgetStyles;

  static override properties = {
    spec: { attribute: false },
    adapter: { attribute: false },
    gate: { attribute: false },
    now: {},
    snapshot: { attribute: false },
    renderer: {},
    height: { type: Number },
    _active: { state: true },
  };

  /** The widget spec (any known version; validated and upgraded). Assign a new object to show a changed spec. */
  declare spec: WidgetSpec | WidgetSpecInput | unknown;
  /** The adapter to query; when unset, the one of the nearest `<clv-data-provider>`. */
  declare adapter: DataAdapter | undefined;
  /** Admits the widget's queries a few at a time (a dashboard passes one gate to all its widgets). */
  declare gate: QueryGate | undefined;
  /** Pins "now" (ISO date or timestamp) for relative date ranges. */
  declare now: string | undefined;
  /** A "spec + data" snapshot to show instead of querying; its spec replaces `spec`. */
  declare snapshot: WidgetSnapshot | undefined;
  /** How vega draws: svg (default) or canvas. */
  declare renderer: 'svg' | 'canvas';
  /** Height in pixels of the plot when the host has no definite height of its own. */
  declare height: number;
  /** Index of the keyboard-selected data mark, -1 for none. */
  declare _active: number;

  #effectiveSpec?: WidgetSpec;
  #snapshotData?: WidgetData;
  #specError?: DisplayError;
  #configError?: DisplayError;
  #embedError?: DisplayError;
  #format?: ValueFormatter;
  #announcement = '';
  /** The rows the keyboard selection refers to; new rows clear it. */
  #selectionRows?: ResultSet;

  readonly #run = new WidgetRunController(this, {
    adapter: () => this.adapter,
    spec: () => (this.#snapshotData ? undefined : this.#effectiveSpec),
    gate: () => this.gate,
    now: () => this.now,
    onComplete: ({ result }) => emit<QueryCompleteDetail>(this, 'clv-query-complete', { result }),
    onError: (shown, error) => emit<QueryErrorDetail>(this, 'clv-query-error', { ...shown, error }),
  });
  readonly #table = new WidgetTable(this);
  readonly #chart = new WidgetChart({
    plot: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    highlight: () => this.renderRoot.querySelector<HTMLElement>('.highlight'),
    size: () => this.#plotSize(),
    theme: () => readWidgetTheme(this),
    onClick: (index) => this.#click(index, 'pointer'),
    onError: (error) => {
      this.#embedError = toDisplayError(error);
      this.requestUpdate();
    },
    active: () => this._active,
  });

  constructor() {
    super();
    this.spec = undefined;
    this.adapter = undefined;
    this.gate = undefined;
    this.now = undefined;
    this.snapshot = undefined;
    this.renderer = 'svg';
    this.height = DEFAULT_HEIGHT;
    this._active = -1;
    new ResizeController(this, () => void this.#onResize());
  }

  readonly #plotObserver = new ResizeObserver(() => void this.#onResize());
  #observedPlot?: Element;

  /** What the widget shows now: idle (no spec or no adapter), loading, error, empty or data. */
  get state(): WidgetState {
    if (this.#specError) return 'error';
    if (!this.#effectiveSpec) return 'idle';
    if (!this.#snapshotData) {
      const status = this.#run.status;
      if (status === 'idle') return 'idle';
      if (status === 'loading') return 'loading';
      if (status === 'error') return 'error';
    }
    if (this.#configError || this.#embedError) return 'error';
    return (this.#data()?.result.rows.length ?? 0) > 0 ? 'data' : 'empty';
  }

  /** The validated spec being shown (the snapshot's when there is one). */
  get effectiveSpec(): WidgetSpec | undefined {
    return this.#effectiveSpec;
  }

  /** The rows on screen. */
  get result(): ResultSet | undefined {
    return this.#data()?.result;
  }

  /** A big number's comparison rows. */
  get comparison(): ResultSet | undefined {
    return this.#data()?.comparison;
  }

  /** How the rows were obtained: the SQL and its bound values, the HTTP request, or the in-memory plan. */
  get provenance(): Provenance | undefined {
    return this.#data()?.result.provenance;
  }

  /** The vega view of a drawn chart. */
  get view(): View | undefined {
    return this.#chart.view;
  }

  /** The error shown in the error state. */
  get error(): DisplayError | undefined {
    if (this.#specError) return this.#specError;
    return (this.#snapshotData ? undefined : this.#run.error) ?? this.#configError ?? this.#embedError;
  }

  /** The adapter in use: `adapter`, else the one of the nearest `<clv-data-provider>`. */
  get activeAdapter(): DataAdapter | undefined {
    return this.#run.adapter;
  }

  /** Resolves once the current run has settled and its outcome (the chart included) is on screen; pending while loading. */
  get rendered(): Promise<void> {
    return this.#settle();
  }

  /** Runs the queries again after a failure, or draws the chart again after a drawing failure (the Retry button). */
  retry(): Promise<void> {
    this.#embedError = undefined;
    this.requestUpdate();
    if (this.#snapshotData || this.#run.status !== 'error') return this.updateComplete.then(() => undefined);
    return this.#run.rerun();
  }

  /** Runs the queries again even though nothing changed (a snapshot has none to run). */
  refresh(): Promise<void> {
    if (this.#snapshotData || !this.#effectiveSpec) return Promise.resolve();
    return this.#run.rerun();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#plotObserver.disconnect();
    this.#observedPlot = undefined;
    this.#chart.finalize();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A chart finalized on disconnect is drawn again when the element comes back.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('renderer') && this.renderer !== 'canvas') this.renderer = 'svg';
    if (!Number.isFinite(this.height) || this.height < 80) this.height = DEFAULT_HEIGHT;
    if (changed.has('spec') || changed.has('snapshot')) this.#parse();
    const data = this.#data();
    this.#configError = undefined;
    if (this.#effectiveSpec && data) {
      try {
        checkFields(this.#effectiveSpec, data.result);
      } catch (error) {
        if (!(error instanceof WidgetConfigError)) throw error;
        this.#configError = { message: error.message, code: error.code };
      }
    }
    this.#table.sync(this.#effectiveSpec, data?.result);
    if (data?.result !== this.#selectionRows) {
      this.#selectionRows = data?.result;
      this._active = -1;
      this.#announcement = '';
    }
  }

  #parse(): void {
    this.#specError = undefined;
    this.#embedError = undefined;
    this.#snapshotData = undefined;
    this.#effectiveSpec = undefined;
    this._active = -1;
    this.#announcement = '';
    if (this.snapshot !== undefined) {
      const parsed = parseWidgetSnapshot(this.snapshot);
      if (!parsed.success) {
        this.#specError = { message: `The snapshot is not valid: ${parsed.message}`, code: 'invalid_snapshot' };
        return;
      }
      const { spec, result, comparison } = parsed.snapshot;
      this.#effectiveSpec = spec;
      this.#snapshotData = comparison ? { result, comparison } : { result };
    } else if (this.spec !== undefined && this.spec !== null) {
      const parsed = parseWidgetSpec(this.spec);
      if (!parsed.success) {
        this.#specError = { message: `The widget spec is not valid: ${parsed.message}`, code: 'invalid_spec' };
        return;
      }
      this.#effectiveSpec = parsed.spec;
    }
    this.#format = this.#effectiveSpec ? widgetFormatter(this.#effectiveSpec) : undefined;
  }

  #data(): WidgetData | undefined {
    return this.#snapshotData ?? this.#run.data;
  }

  protected override render(): TemplateResult {
    const state = this.state;
    const spec = this.#effectiveSpec;
    const title = this.#title();
    return html`<div part="base" class="base" role="group" aria-labelledby="title" aria-busy=${state === 'loading' ? 'true' : 'false'}>
      <div part="header" class="header">
        <div class="titles">
          <h3 part="title" class="title" id="title">${title}</h3>
          ${spec?.description ? html`<p part="description" class="description">${spec.description}</p>` : nothing}
        </div>
        <div class="actions">
          <slot name="actions"></slot>
          <clv-widget-menu part="menu" .source=${this} .label=${title}></clv-widget-menu>
        </div>
      </div>
      <div class="body">${this.#renderState(state)}</div>
    </div>`;
  }

  /** The spec's title; for an invalid spec, the title it tried to give, if any. */
  #title(): string {
    if (this.#effectiveSpec) return this.#effectiveSpec.title;
    const raw = this.snapshot !== undefined ? (this.snapshot as { spec?: unknown } | null)?.spec : this.spec;
    const title = typeof raw === 'object' && raw !== null ? (raw as { title?: unknown }).title : undefined;
    return typeof title === 'string' && title.trim() ? title : 'Widget';
  }

  protected override updated(): void {
    // The plot box changes without the host changing too (a header that wraps, a note added):
    // the chart follows the plot itself.
    const plot = this.renderRoot.querySelector('.plot') ?? undefined;
    if (plot !== this.#observedPlot) {
      if (this.#observedPlot) this.#plotObserver.unobserve(this.#observedPlot);
      if (plot) this.#plotObserver.observe(plot);
      this.#observedPlot = plot;
    }
    const spec = this.#effectiveSpec;
    const data = this.#data();
    const container = this.renderRoot.querySelector<HTMLElement>('.vega');
    const chart = spec && data && container && this.state === 'data' && isChart(spec);
    this.#chart.update(chart ? { container, spec, result: data.result, renderer: this.renderer } : undefined);
  }

  #renderState(state: WidgetState): TemplateResult {
    const spec = this.#effectiveSpec;
    switch (state) {
      case 'idle':
        return html`<p part="message" class="message">
          ${spec ? 'No data adapter: put the widget inside <clv-data-provider> or set its adapter property.' : 'No widget spec yet.'}
        </p>`;
      case 'loading':
        return html`<div class="state-box" style=${this.#boxStyle()}>${renderWidgetSkeleton(spec!.mark, this.height)}</div>
          <span class="visually-hidden" role="status">Loading ${spec!.title}…</span>`;
      case 'error':
        return this.#renderError(this.error ?? { message: 'Unknown error.', code: 'error' });
      case 'empty':
        return html`<div class="state-box" style=${this.#boxStyle()}>
          <p part="empty" class="empty" role="status">The query ran and returned no rows.</p>
        </div>`;
      case 'data':
        return this.#renderData(spec!, this.#data()!);
    }
  }

  /** Placeholders keep the plot's height (its flex basis), so a dashboard does not reflow when a tile loads or fails. */
  #boxStyle(): string {
    const mark = this.#effectiveSpec?.mark;
    return mark === 'big-number' ? '' : `flex-basis:${this.height}px`;
  }

  #renderError(error: DisplayError): TemplateResult {
    const retryable = !FINAL_ERRORS.has(error.code);
    const title =
      error.code === 'invalid_spec' || error.code === 'invalid_snapshot'
        ? 'The widget cannot be shown.'
        : !this.#snapshotData && this.#run.error
          ? 'The query failed.'
          : retryable
            ? 'The chart could not be drawn.'
            : 'The widget cannot show this result.';
    return html`<div class="state-box" style=${this.#boxStyle()}>
      <div part="error" class="error ${this.#effectiveSpec?.mark === 'big-number' ? '' : 'error--tall'}" role="alert">
        <p class="error__title">${title}</p>
        <p part="error-message" class="error__message">${error.message}</p>
        <p class="error__code">Code: <code part="error-code">${error.code}</code></p>
        ${retryable ? html`<button part="retry-button" class="button" type="button" @click=${this.#onRetry}>Retry</button>` : nothing}
      </div>
    </div>`;
  }

  #renderData(spec: WidgetSpec, data: WidgetData): TemplateResult {
    const format = this.#format!;
    if (spec.mark === 'big-number') {
      const model = bigNumberModel(spec, data.result, data.comparison, format);
      return renderBigNumber(model, model.label.trim().toLowerCase() !== spec.title.trim().toLowerCase());
    }
    // Rows the query's limit may have cut: say so, since a chart over them looks complete.
    const limited = rowLimitNotice(spec, data.result);
    const note = limited ? html`<p part="limit-note" class="limit-note" id="limit-note" role="note">${limited.text}</p>` : nothing;
    if (spec.mark === 'table') {
      const clickable = spec.interactions.click.kind !== 'none';
      return html`${this.#table.render({
        spec,
        result: data.result,
        format,
        name: spec.title,
        ...(clickable ? { onRow: (index: number, source: WidgetClickDetail['source']) => this.#emitClick(data.result.rows[index]!, index, source) } : {}),
      })}${note}`;
    }
    const summary = summarizeWidget(spec, data.result, format);
    return html`<div
        part="plot"
        class="plot"
        style="flex-basis:${this.height}px"
        tabindex="0"
        role="group"
        aria-label=${spec.title}
        aria-describedby=${limited ? 'summary limit-note keys' : 'summary keys'}
        @keydown=${this.#onKeyDown}
        @blur=${this.#onBlur}
      >
        <div part="chart" class="vega" aria-hidden="true"></div>
        <div class="highlight" aria-hidden="true" hidden></div>
        <div part="tooltip" class="tooltip" aria-hidden="true" hidden></div>
      </div>
      <p part="summary" class="summary" id="summary">${summary}</p>
      ${note}
      <p class="visually-hidden" id="keys">Use the arrow keys to move between data points and Enter to select one.</p>
      <div class="visually-hidden">${renderPlainTable(data.result, format, `Data of the chart ${spec.title}`, MAX_HIDDEN_TABLE_ROWS)}</div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.#announcement}</div>`;
  }

  #onRetry = (): void => {
    void this.retry();
  };

  #plotSize(): Size {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    return { width: plot?.clientWidth || FALLBACK_WIDTH, height: plot?.clientHeight || this.height };
  }

  async #onResize(): Promise<void> {
    this.#chart.resize();
    await this.#chart.idle();
    if (this._active >= 0) this.#highlight(this._active);
  }

  async #settle(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      if (!this.#snapshotData) await this.#run.settled();
      await this.updateComplete;
      await this.#chart.idle();
      if (!this.isUpdatePending && this.state !== 'loading') return;
    }
  }

  /** The text shown and announced for data mark `index`: vega's tooltip when the spec has tooltips, else the row's fields. */
  #fields(item: DataItem): TooltipField[] {
    const fromTooltip = tooltipFields(item.tooltip);
    if (fromTooltip.length > 0) return fromTooltip;
    const result = this.#data()?.result;
    const format = this.#format;
    if (item.row !== undefined && result && format) {
      const row = result.rows[item.row]!;
      return result.columns.map((c) => ({ label: c.label, value: format(row[c.name], c) }));
    }
    return Object.entries(datumRow(item.datum)).map(([label, value]) => ({ label, value: String(value) }));
  }

  #highlight(index: number): void {
    const items = this.#chart.items();
    const item = index >= 0 ? items[index] : undefined;
    this._active = item ? index : -1;
    if (!item) {
      this.#announcement = '';
      this.#chart.highlight(-1, []);
      return;
    }
    const fields = this.#fields(item);
    this.#announcement = `${formatNumber(index + 1, ',d')} of ${formatNumber(items.length, ',d')}: ${fields
      .map((f) => (f.label ? `${f.label} ${f.value}` : f.value))
      .join(', ')}`;
    this.#chart.highlight(index, this.#effectiveSpec?.interactions.tooltip ? fields : []);
  }

  #onKeyDown = (event: KeyboardEvent): void =>
    onPointKey(event, {
      count: this.#chart.items().length,
      active: this._active,
      move: (index) => this.#highlight(index),
      choose: (index) => this.#click(index, 'keyboard'),
    });

  #onBlur = (): void => {
    if (this._active >= 0) this.#highlight(-1);
  };

  /** Data mark `index` was chosen: its row (or, for an aggregate mark, its values) goes out in clv-widget-click. */
  #click(index: number, source: WidgetClickDetail['source']): void {
    const item = this.#chart.items()[index];
    const result = this.#data()?.result;
    if (!item || !result) return;
    if (item.row !== undefined) this.#emitClick(result.rows[item.row]!, item.row, source);
    else this.#emitClick(datumRow(item.datum), index, source);
  }

  #emitClick(datum: WidgetClickDetail['datum'], index: number, source: WidgetClickDetail['source']): void {
    const spec = this.#effectiveSpec;
    const result = this.#data()?.result;
    if (!spec || !result) return;
    emit<WidgetClickDetail>(this, 'clv-widget-click', clickDetail(spec, datum, index, result.columns, source));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-widget': ClvWidget;
  }
}
