import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ComposerAction } from '../../src/composer/actions.js';
import type { ComposerAttribute } from '../../src/composer/attributes.js';
import { fieldKey, type ComposerState } from '../../src/composer/state.js';
import { markChannels, XY_MARKS, type EncodingChannel, type WidgetMark } from '../../src/widgets/spec.js';
import { currencySymbol } from '../../src/widgets/vega-lite.js';
import { formatNumber } from '../shared/format.js';
import { requestAction } from './composer-events.js';
import { propertiesPanelStyles } from './properties-panel.styles.js';

type Props = ComposerState['properties'];
type AxisProps = NonNullable<NonNullable<Props['axis']>['x']>;
type TableColumn = NonNullable<NonNullable<Props['table']>['columns']>[number];
type BigNumberProps = NonNullable<Props['bigNumber']>;
type Comparison = NonNullable<BigNumberProps['comparison']>;
type LegendPlacement = NonNullable<Props['legend']>['placement'];

/** Common number formats offered before a custom d3-format string. */
export const NUMBER_FORMAT_PRESETS: readonly { label: string; format: string }[] = [
  { label: 'Plain (1,234)', format: ',.0f' },
  { label: 'Currency ($1,234.56)', format: '$,.2f' },
  { label: 'Percent (12.3%)', format: '.1%' },
  { label: 'Compact (1.2k)', format: '.2~s' },
];

/** d3-format's specifier grammar, limited to the types d3 knows (it would quietly read any other letter as "g"). */
const D3_SPECIFIER = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([efgrs%pbodxXcn])?$/;

/** Whether d3-format (and so vega and the widget's formatter) accepts `format`. */
export const isNumberFormat = (format: string): boolean => D3_SPECIFIER.test(format);

const formatError = (field: string, text: string) =>
  `${field}: “${text}” is not a valid d3-format string (such as ,.0f, $,.2f or .1%).`;

const LEGEND_PLACEMENTS: readonly { value: LegendPlacement; label: string }[] = [
  { value: 'top', label: 'Top' },
  { value: 'bottom', label: 'Bottom' },
  { value: 'left', label: 'Left' },
  { value: 'right', label: 'Right' },
  { value: 'none', label: 'None (hidden)' },
];

const LABEL_ANGLES: readonly { value: number; label: string }[] = [
  { value: 0, label: 'Horizontal (0°)' },
  { value: -45, label: 'Diagonal (−45°)' },
  { value: -90, label: 'Vertical (−90°)' },
];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'CHF', 'CAD', 'AUD'];

const BIG_NUMBER_DEFAULTS = { deltaFormat: '+.1%', deltaKind: 'relative', higherIsBetter: true } as const;
const ABSOLUTE_DELTA_FORMAT = '+,.0f';
const PAGE_SIZE = { min: 1, max: 500, default: 25 } as const;

const CLICK_HINTS: Record<'none' | 'filter' | 'drill', (chart: boolean) => string> = {
  none: () => 'A click does nothing.',
  filter: (chart) => `A click on ${chart ? 'a mark' : 'a row'} filters the dashboard’s other widgets by its value.`,
  drill: () => 'A click opens another dashboard, as the spec says; choose another option to replace it.',
};

const isChart = (mark: WidgetMark) => mark !== 'table' && mark !== 'big-number';

/** A typed value the panel keeps to itself because it is invalid; it lapses once the state's value changes. */
interface Draft {
  text: string;
  base: unknown;
  error: string;
}

/** Drops keys whose value is undefined (the schema treats them as absent; the spec should not carry them). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The message of an invalid draft, announced as it appears. */
const fieldError = (id: string, draft: Draft | undefined) =>
  draft ? html`<p part="error" class="field-error" id="${id}-error" role="alert">${draft.error}</p>` : nothing;

const moveIcon = (direction: 'up' | 'down') =>
  html`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
    ${direction === 'up' ? svg`<path d="M4 10l4-4 4 4" />` : svg`<path d="M4 6l4 4 4-4" />`}
  </svg>`;

/**
 * @summary The composer's properties panel: title, description, legend, axis titles, number format, table sorting and page size, big number options.
 * @tagname clv-composer-properties
 *
 * @event clv-composer-action - A change to the widget's properties, as a ComposerAction: setDescription, setLegend, setAxis,
 * setNumberFormat, setCurrency, setTableSort, setPageSize, setTableColumns, setBigNumber, setTooltip or setClick.
 *
 * @csspart section - Each group of settings (a fieldset, with `data-section` general, axes, legend, numbers, table, big-number or interactions).
 * @csspart error - A message about an invalid value (number format, page size).
 * @csspart columns - The list of table columns with their show checkboxes and move buttons.
 *
 * @cssprop --clv-composer-properties-column-width - Least width of a column of sections (default 16rem); a wide panel puts sections side by side.
 * @cssprop --clv-color-danger - Border and text of an invalid value.
 */
export class ClvComposerProperties extends LitElement {
  static override styles = propertiesPanelStyles;

  static override properties = {
    state: { attribute: false },
    available: { attribute: false },
    _drafts: { state: true },
  };

  declare state: ComposerState;
  declare available: readonly ComposerAttribute[];
  declare _drafts: Readonly<Record<string, Draft>>;

  constructor() {
    super();
    this.available = [];
    this._drafts = {};
  }

  #act(action: ComposerAction): void {
    requestAction(this, action);
  }

  get #props(): Props {
    return this.state.properties;
  }

  // --- drafts of invalid text -------------------------------------------------------------------

  #draft(id: string, base: unknown): Draft | undefined {
    const d = this._drafts[id];
    return d && d.base === base ? d : undefined;
  }

  #setDraft(id: string, draft: Draft | undefined): void {
    if (!draft && !(id in this._drafts)) return;
    const { [id]: _old, ...rest } = this._drafts;
    this._drafts = draft ? { ...rest, [id]: draft } : rest;
  }

  // --- labels --------------------------------------------------------------------------------

  #attributeLabel(key: string, granularity?: string): string {
    const label = this.available.find((a) => a.key === key)?.label ?? key;
    return granularity ? `${label} (${granularity})` : label;
  }

  /** The title a guide shows without one of its own: the encoding's title, else the attribute's label. */
  #channelTitle(channel: EncodingChannel): string | undefined {
    const e = this.state.encodings[channel];
    return e ? (e.title ?? this.#attributeLabel(e.attribute, e.granularity)) : undefined;
  }

  /** The result columns of the query, as a table shows them. */
  #queryColumns(): { key: string; label: string }[] {
    if (this.state.mode === 'sql') return this.state.sqlColumns.map((c) => ({ key: c.key, label: c.label }));
    return this.state.fields
      .filter((f) => !(f.kind === 'dimension' && f.rowKey))
      .map((f) => ({ key: fieldKey(f), label: this.#attributeLabel(f.member, f.kind === 'time' ? f.granularity : undefined) }));
  }

  // --- actions -------------------------------------------------------------------------------

  #setLegend(change: { placement?: LegendPlacement; title?: string | undefined }): void {
    const current = this.#props.legend;
    const placement = change.placement ?? current?.placement ?? 'top';
    const title = 'title' in change ? change.title : current?.title;
    // The defaults (on top, the field's title) need no legend properties at all.
    const legend = placement === 'top' && title === undefined ? undefined : defined({ placement, title });
    this.#act({ type: 'setLegend', legend });
  }

  #setAxis(axis: 'x' | 'y', change: Partial<AxisProps>): void {
    const next = defined({ labels: true, ...this.#props.axis?.[axis], ...change });
    const isDefault = next.labels && next.title === undefined && next.labelAngle === undefined;
    this.#act({ type: 'setAxis', axis, options: isDefault ? undefined : next });
  }

  #setBigNumber(change: Partial<BigNumberProps>): void {
    const next = defined({ ...BIG_NUMBER_DEFAULTS, ...this.#props.bigNumber, ...change });
    const isDefault =
      !next.comparison &&
      next.deltaFormat === BIG_NUMBER_DEFAULTS.deltaFormat &&
      next.deltaKind === BIG_NUMBER_DEFAULTS.deltaKind &&
      next.higherIsBetter === BIG_NUMBER_DEFAULTS.higherIsBetter;
    this.#act({ type: 'setBigNumber', options: isDefault ? undefined : next });
  }

  /** A format field typed into: valid text goes to the state; invalid text stays here with a message. */
  #onFormatInput(id: string, field: string, base: string | undefined, text: string, apply: (format: string | undefined) => void): void {
    // Not trimmed: a leading space is d3-format's "space for positive numbers" sign.
    if (text && !isNumberFormat(text)) {
      this.#setDraft(id, { text, base, error: formatError(field, text) });
      return;
    }
    this.#setDraft(id, undefined);
    apply(text || undefined);
  }

  #onPageSize(text: string): void {
    const n = Number(text);
    const base = this.#props.table?.pageSize ?? PAGE_SIZE.default;
    if (text.trim() === '' || !Number.isInteger(n) || n < PAGE_SIZE.min || n > PAGE_SIZE.max) {
      this.#setDraft('page-size', { text, base, error: `Rows per page: enter a whole number from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` });
      return;
    }
    this.#setDraft('page-size', undefined);
    this.#act({ type: 'setPageSize', pageSize: n });
  }

  /** The table's columns as shown now: its own list, else every result column in query order. */
  #shownColumns(): TableColumn[] {
    return this.#props.table?.columns ?? this.#queryColumns().map((c) => ({ field: c.key, sortable: true }));
  }

  #setColumns(columns: TableColumn[]): void {
    const all = this.#queryColumns();
    // Every column, in query order, with nothing of its own: the same as having no list.
    const plain =
      columns.length === all.length &&
      columns.every((c, i) => c.field === all[i]!.key && c.sortable && c.title === undefined && c.format === undefined);
    this.#act({ type: 'setTableColumns', columns: plain ? undefined : columns.map((c) => ({ ...c })) });
  }

  #toggleColumn(field: string, shown: boolean): void {
    const columns = this.#shownColumns();
    if (shown) {
      this.#setColumns([...columns, { field, sortable: true }]);
      return;
    }
    const rest = columns.filter((c) => c.field !== field);
    if (rest.length === 0) return;
    this.#setColumns(rest);
    // A hidden column cannot stay the default sort (the spec would refuse it).
    if (this.#props.table?.defaultSort?.field === field) this.#act({ type: 'setTableSort', sort: undefined });
  }

  #moveColumn(field: string, by: -1 | 1): void {
    const columns = this.#shownColumns().slice();
    const i = columns.findIndex((c) => c.field === field);
    const j = i + by;
    if (i < 0 || j < 0 || j >= columns.length) return;
    [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    this.#setColumns(columns);
    // The row moves in the DOM, which takes focus from its button; give it back (or to the other one at an end).
    void this.updateComplete.then(() => {
      const row = this.renderRoot.querySelector(`li[data-field="${CSS.escape(field)}"]`);
      const same = row?.querySelector<HTMLButtonElement>(`button[data-move=${by < 0 ? 'up' : 'down'}]`);
      const other = row?.querySelector<HTMLButtonElement>(`button[data-move=${by < 0 ? 'down' : 'up'}]`);
      (same && !same.disabled ? same : other)?.focus();
    });
  }

  // --- sections ------------------------------------------------------------------------------

  /** A d3-format text field: valid text goes to the state through `apply`, invalid text stays as a draft with its message. */
  #renderFormatField(f: {
    id: string;
    label: string;
    /** The field's name in the error message. */
    field: string;
    format: string | undefined;
    placeholder?: string;
    /** A hint under the field (it describes the field). */
    hint?: TemplateResult;
    apply: (format: string | undefined) => void;
  }): TemplateResult {
    const draft = this.#draft(f.id, f.format);
    const describedBy = [draft ? `${f.id}-error` : '', f.hint ? `${f.id}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${f.id}>${f.label}</label>
      <input
        id=${f.id}
        class="code"
        type="text"
        spellcheck="false"
        autocomplete="off"
        placeholder=${f.placeholder ?? nothing}
        aria-invalid=${draft ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(draft?.text ?? f.format ?? '')}
        @input=${(e: Event) => this.#onFormatInput(f.id, f.field, f.format, (e.target as HTMLInputElement).value, f.apply)}
      />
      ${fieldError(f.id, draft)} ${f.hint ? html`<p class="hint" id="${f.id}-hint">${f.hint}</p>` : nothing}
    </div>`;
  }

  #renderGeneral(): TemplateResult {
    return html`<fieldset part="section" class="section" data-section="general">
      <legend>General</legend>
      <div class="field">
        <label for="description">Description</label>
        <textarea
          id="description"
          rows="3"
          aria-describedby="description-hint"
          .value=${live(this.state.description ?? '')}
          @input=${(e: Event) => {
            const v = (e.target as HTMLTextAreaElement).value;
            this.#act({ type: 'setDescription', description: v === '' ? undefined : v });
          }}
        ></textarea>
        <p class="hint" id="description-hint">Shown under the title. The title is edited at the top of the composer.</p>
      </div>
    </fieldset>`;
  }

  #renderAxis(axis: 'x' | 'y'): TemplateResult {
    const a = this.#props.axis?.[axis];
    const name = axis.toUpperCase();
    const fallback = this.#channelTitle(axis);
    const placeholder = a?.title === '' ? 'No title' : (fallback ?? `The ${name} attribute’s name`);
    const angle = a?.labelAngle;
    const angles = angle === undefined || LABEL_ANGLES.some((o) => o.value === angle) ? LABEL_ANGLES : [...LABEL_ANGLES, { value: angle, label: `${angle}°` }];
    return html`<div class="field">
        <label for="axis-${axis}-title">${name} axis title</label>
        <input
          id="axis-${axis}-title"
          type="text"
          placeholder=${placeholder}
          aria-describedby="axis-title-hint"
          .value=${live(a?.title ?? '')}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            this.#setAxis(axis, { title: v === '' ? undefined : v });
          }}
        />
      </div>
      <div class="row">
        <label class="check"
          ><input
            id="axis-${axis}-labels"
            type="checkbox"
            .checked=${live(a?.labels ?? true)}
            @change=${(e: Event) => this.#setAxis(axis, { labels: (e.target as HTMLInputElement).checked })}
          />${name} axis labels</label
        >
        <div class="field">
          <label for="axis-${axis}-angle">${name} label angle</label>
          <select
            id="axis-${axis}-angle"
            .value=${live(angle === undefined ? '' : String(angle))}
            @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              this.#setAxis(axis, { labelAngle: v === '' ? undefined : Number(v) });
            }}
          >
            <option value="">Automatic</option>
            ${angles.map((o) => html`<option value=${String(o.value)} ?selected=${o.value === angle}>${o.label}</option>`)}
          </select>
        </div>
      </div>`;
  }

  #renderAxes(): TemplateResult {
    return html`<fieldset part="section" class="section" data-section="axes">
      <legend>Axes</legend>
      ${this.#renderAxis('x')} ${this.#renderAxis('y')}
      <p class="hint" id="axis-title-hint">Leave a title empty to use the attribute’s name.</p>
    </fieldset>`;
  }

  #renderLegend(): TemplateResult {
    const legend = this.#props.legend;
    const placement = legend?.placement ?? 'top';
    const channel = this.state.encodings.color ? 'color' : this.state.encodings.size ? 'size' : undefined;
    const fallback = channel ? this.#channelTitle(channel) : undefined;
    const placeholder = legend?.title === '' ? 'No title' : (fallback ?? 'The attribute’s name');
    return html`<fieldset part="section" class="section" data-section="legend">
      <legend>Legend</legend>
      ${channel ? nothing : html`<p class="hint">The legend shows once Color${markChannels(this.state.mark).includes('size') ? ' or Size' : ''} has an attribute.</p>`}
      <div class="field">
        <label for="legend-orient">Placement</label>
        <select id="legend-orient" .value=${live(placement)} @change=${(e: Event) => this.#setLegend({ placement: (e.target as HTMLSelectElement).value as LegendPlacement })}>
          ${LEGEND_PLACEMENTS.map((p) => html`<option value=${p.value} ?selected=${p.value === placement}>${p.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="legend-title">Legend title</label>
        <input
          id="legend-title"
          type="text"
          placeholder=${placeholder}
          aria-describedby="legend-title-hint"
          .value=${live(legend?.title ?? '')}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            this.#setLegend({ title: v === '' ? undefined : v });
          }}
        />
        <p class="hint" id="legend-title-hint">Leave empty to use the attribute’s name.</p>
      </div>
    </fieldset>`;
  }

  #renderNumbers(): TemplateResult {
    const format = this.#props.numberFormat;
    const draft = this.#draft('number-format', format);
    const preset = format === undefined ? '' : NUMBER_FORMAT_PRESETS.some((p) => p.format === format) ? format : 'custom';
    const currency = this.#props.currency;
    const codes = currency && !CURRENCIES.includes(currency.code) ? [...CURRENCIES, currency.code] : CURRENCIES;
    const symbol = currency ? (currency.symbol ?? currencySymbol(currency.code)) : '$';
    const shown = draft ? undefined : format;
    const example = shown ? formatNumber(/[%p]$/.test(shown) ? 0.1234 : 1234.5678, shown).replace('$', symbol) : undefined;
    return html`<fieldset part="section" class="section" data-section="numbers">
      <legend>Numbers</legend>
      <div class="field">
        <label for="number-format-preset">Number format</label>
        <select
          id="number-format-preset"
          .value=${live(preset)}
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v === 'custom') {
              this.renderRoot.querySelector<HTMLInputElement>('#number-format')?.focus();
              return;
            }
            this.#setDraft('number-format', undefined);
            this.#act({ type: 'setNumberFormat', format: v || undefined });
          }}
        >
          <option value="" ?selected=${preset === ''}>Each field’s own format</option>
          ${NUMBER_FORMAT_PRESETS.map((p) => html`<option value=${p.format} ?selected=${preset === p.format}>${p.label}</option>`)}
          <option value="custom" ?selected=${preset === 'custom'}>Custom…</option>
        </select>
      </div>
      ${this.#renderFormatField({
        id: 'number-format',
        label: 'Format string (d3-format)',
        field: 'Number format',
        format,
        placeholder: 'e.g. $,.0f',
        hint: html`For numbers without a format of their own.${example ? html` 1234.5678 shows as <code>${example}</code>.` : nothing}`,
        apply: (f) => this.#act({ type: 'setNumberFormat', format: f }),
      })}
      <div class="field">
        <label for="currency">Currency (what “$” stands for)</label>
        <select
          id="currency"
          .value=${live(currency?.code ?? '')}
          @change=${(e: Event) => {
            const code = (e.target as HTMLSelectElement).value;
            if (code !== (currency?.code ?? '')) this.#act({ type: 'setCurrency', currency: code ? { code } : undefined });
          }}
        >
          <option value="" ?selected=${!currency}>Default ($)</option>
          ${codes.map((c) => html`<option value=${c} ?selected=${currency?.code === c}>${c} (${currencySymbol(c).trim()})</option>`)}
        </select>
      </div>
    </fieldset>`;
  }

  #renderColumns(all: { key: string; label: string }[], shown: TableColumn[]): TemplateResult {
    const shownKeys = new Set(shown.map((c) => c.field));
    const rows = [...shown.map((c) => ({ key: c.field, label: all.find((a) => a.key === c.field)?.label ?? c.field })), ...all.filter((a) => !shownKeys.has(a.key))];
    return html`<div class="field">
      <p class="columns-title" id="columns-title">Columns</p>
      <ul part="columns" class="columns" aria-labelledby="columns-title">
        ${repeat(
          rows,
          (r) => r.key,
          (r) => {
            const i = shown.findIndex((c) => c.field === r.key);
            const on = i >= 0;
            return html`<li data-field=${r.key}>
              <label class="check"
                ><input
                  type="checkbox"
                  data-column=${r.key}
                  .checked=${live(on)}
                  ?disabled=${on && shown.length === 1}
                  @change=${(e: Event) => this.#toggleColumn(r.key, (e.target as HTMLInputElement).checked)}
                />${r.label}</label
              >
              ${on
                ? html`<button
                      type="button"
                      class="button button--small button--quiet move"
                      data-move="up"
                      aria-label="Move ${r.label} up"
                      ?disabled=${i === 0}
                      @click=${() => this.#moveColumn(r.key, -1)}
                    >
                      ${moveIcon('up')}</button
                    ><button
                      type="button"
                      class="button button--small button--quiet move"
                      data-move="down"
                      aria-label="Move ${r.label} down"
                      ?disabled=${i === shown.length - 1}
                      @click=${() => this.#moveColumn(r.key, 1)}
                    >
                      ${moveIcon('down')}
                    </button>`
                : nothing}
            </li>`;
          },
        )}
      </ul>
    </div>`;
  }

  #renderTable(): TemplateResult {
    const table = this.#props.table;
    const sort = table?.defaultSort;
    const all = this.#queryColumns();
    const shown = this.#shownColumns();
    const sortable = shown.filter((c) => c.sortable).map((c) => ({ key: c.field, label: all.find((a) => a.key === c.field)?.label ?? c.field }));
    const pageSize = table?.pageSize ?? PAGE_SIZE.default;
    const draft = this.#draft('page-size', pageSize);
    return html`<fieldset part="section" class="section" data-section="table">
      <legend>Table</legend>
      <div class="row">
        <div class="field">
          <label for="table-sort-field">Sort by</label>
          <select
            id="table-sort-field"
            .value=${live(sort?.field ?? '')}
            @change=${(e: Event) => {
              const field = (e.target as HTMLSelectElement).value;
              this.#act({ type: 'setTableSort', sort: field ? { field, direction: sort?.direction ?? 'asc' } : undefined });
            }}
          >
            <option value="" ?selected=${!sort}>Query order</option>
            ${sortable.map((c) => html`<option value=${c.key} ?selected=${sort?.field === c.key}>${c.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="table-sort-direction">Direction</label>
          <select
            id="table-sort-direction"
            ?disabled=${!sort}
            .value=${live(sort?.direction ?? 'asc')}
            @change=${(e: Event) => {
              const direction = (e.target as HTMLSelectElement).value as 'asc' | 'desc';
              if (sort) this.#act({ type: 'setTableSort', sort: { field: sort.field, direction } });
            }}
          >
            <option value="asc" ?selected=${sort?.direction !== 'desc'}>Ascending</option>
            <option value="desc" ?selected=${sort?.direction === 'desc'}>Descending</option>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="page-size">Rows per page</label>
        <input
          id="page-size"
          type="number"
          inputmode="numeric"
          min=${PAGE_SIZE.min}
          max=${PAGE_SIZE.max}
          step="1"
          aria-invalid=${draft ? 'true' : 'false'}
          aria-describedby=${draft ? 'page-size-error' : nothing}
          .value=${live(draft?.text ?? String(pageSize))}
          @input=${(e: Event) => this.#onPageSize((e.target as HTMLInputElement).value)}
        />
        ${fieldError('page-size', draft)}
      </div>
      ${all.length > 0 ? this.#renderColumns(all, shown) : html`<p class="hint">Add fields to the query to choose the table’s columns.</p>`}
    </fieldset>`;
  }

  #renderBigNumber(): TemplateResult {
    const bn = { ...BIG_NUMBER_DEFAULTS, ...this.#props.bigNumber };
    const comparison = bn.comparison;
    const ranged = this.state.filters.some((f) => f.kind === 'date' && f.placement === 'timeDimension');
    const guided = this.state.mode === 'guided';
    const periodHint = comparison?.kind === 'previous-period' && !ranged;
    const setComparison = (c: Comparison | undefined) => this.#setBigNumber({ comparison: c });
    return html`<fieldset part="section" class="section" data-section="big-number">
      <legend>Big number</legend>
      <div class="field">
        <label for="big-number-comparison">Compare with</label>
        <select
          id="big-number-comparison"
          aria-describedby=${periodHint ? 'big-number-comparison-hint' : nothing}
          .value=${live(comparison?.kind ?? '')}
          @change=${(e: Event) => {
            const kind = (e.target as HTMLSelectElement).value;
            if (kind === (comparison?.kind ?? '')) return;
            if (kind === 'previous-period') setComparison(defined({ kind: 'previous-period' as const, label: comparison?.label }));
            else if (kind === '') setComparison(undefined);
          }}
        >
          <option value="" ?selected=${!comparison}>Nothing</option>
          ${guided || comparison?.kind === 'previous-period'
            ? html`<option value="previous-period" ?selected=${comparison?.kind === 'previous-period'}>The previous period</option>`
            : nothing}
          ${comparison?.kind === 'query' ? html`<option value="query" selected>Another query (as written in the spec)</option>` : nothing}
        </select>
        ${periodHint
          ? html`<p class="hint" id="big-number-comparison-hint">
              Needs a date range filter (such as the last 90 days) on a date attribute: the previous period is the one of the same length right before it.
            </p>`
          : nothing}
      </div>
      ${comparison
        ? html`<div class="field">
              <label for="big-number-comparison-label">Comparison label</label>
              <input
                id="big-number-comparison-label"
                type="text"
                placeholder=${comparison.kind === 'previous-period' ? 'previous period' : 'comparison'}
                .value=${live(comparison.label ?? '')}
                @input=${(e: Event) => {
                  const v = (e.target as HTMLInputElement).value;
                  setComparison(defined({ ...comparison, label: v === '' ? undefined : v }));
                }}
              />
            </div>
            <div class="field">
              <label for="big-number-delta-kind">Change shown as</label>
              <select
                id="big-number-delta-kind"
                .value=${live(bn.deltaKind)}
                @change=${(e: Event) => {
                  const deltaKind = (e.target as HTMLSelectElement).value as BigNumberProps['deltaKind'];
                  // A format left at the other kind's default follows the kind.
                  const deltaFormat =
                    deltaKind === 'absolute' && bn.deltaFormat === BIG_NUMBER_DEFAULTS.deltaFormat
                      ? ABSOLUTE_DELTA_FORMAT
                      : deltaKind === 'relative' && bn.deltaFormat === ABSOLUTE_DELTA_FORMAT
                        ? BIG_NUMBER_DEFAULTS.deltaFormat
                        : bn.deltaFormat;
                  this.#setBigNumber({ deltaKind, deltaFormat });
                }}
              >
                <option value="relative" ?selected=${bn.deltaKind === 'relative'}>Percent change (+12.3%)</option>
                <option value="absolute" ?selected=${bn.deltaKind === 'absolute'}>Difference (+1,234)</option>
              </select>
            </div>
            ${this.#renderFormatField({
              id: 'big-number-delta-format',
              label: 'Change format (d3-format)',
              field: 'Change format',
              format: bn.deltaFormat,
              apply: (f) => this.#setBigNumber({ deltaFormat: f ?? (bn.deltaKind === 'absolute' ? ABSOLUTE_DELTA_FORMAT : BIG_NUMBER_DEFAULTS.deltaFormat) }),
            })}
            <label class="check"
              ><input
                id="big-number-higher-is-better"
                type="checkbox"
                .checked=${live(bn.higherIsBetter)}
                @change=${(e: Event) => this.#setBigNumber({ higherIsBetter: (e.target as HTMLInputElement).checked })}
              />An increase is good news</label
            >`
        : nothing}
    </fieldset>`;
  }

  #renderInteractions(): TemplateResult {
    const { tooltip, click } = this.state.interactions;
    const chart = isChart(this.state.mark);
    return html`<fieldset part="section" class="section" data-section="interactions">
      <legend>Interactions</legend>
      ${chart
        ? html`<label class="check"
            ><input
              id="tooltip"
              type="checkbox"
              .checked=${live(tooltip)}
              @change=${(e: Event) => this.#act({ type: 'setTooltip', tooltip: (e.target as HTMLInputElement).checked })}
            />Show a tooltip on hover</label
          >`
        : nothing}
      <div class="field">
        <label for="click">On click</label>
        <select
          id="click"
          aria-describedby="click-hint"
          .value=${live(click.kind)}
          @change=${(e: Event) => {
            const kind = (e.target as HTMLSelectElement).value;
            if (kind === click.kind) return;
            if (kind === 'none') this.#act({ type: 'setClick', click: { kind: 'none' } });
            else if (kind === 'filter') this.#act({ type: 'setClick', click: { kind: 'filter' } });
          }}
        >
          <option value="none" ?selected=${click.kind === 'none'}>Nothing</option>
          <option value="filter" ?selected=${click.kind === 'filter'}>Filter the dashboard</option>
          ${click.kind === 'drill' ? html`<option value="drill" selected>Open “${click.dashboardId}”</option>` : nothing}
        </select>
        <p class="hint" id="click-hint">${CLICK_HINTS[click.kind](chart)}</p>
      </div>
    </fieldset>`;
  }

  override render() {
    if (!this.state) return nothing;
    const mark = this.state.mark;
    const channels = markChannels(mark);
    return html`<div class="sections">
      ${this.#renderGeneral()} ${XY_MARKS.has(mark) ? this.#renderAxes() : nothing}
      ${channels.includes('color') || channels.includes('size') ? this.#renderLegend() : nothing} ${this.#renderNumbers()}
      ${mark === 'table' ? this.#renderTable() : nothing} ${mark === 'big-number' ? this.#renderBigNumber() : nothing}
      ${mark === 'big-number' ? nothing : this.#renderInteractions()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-properties': ClvComposerProperties;
  }
}
