import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { aggregateOptions, type ComposerAttribute } from '../../src/composer/attributes.js';
import { fieldTypeOptions } from '../../src/composer/encoding-actions.js';
import { CHANNEL_LABELS, MARK_LABELS, type ComposerProblem } from '../../src/composer/explain.js';
import { describeFilter } from '../../src/composer/filters.js';
import { emptyComposerState, encodingKey, fieldKey, type ComposerEncoding, type ComposerState, type QueryField } from '../../src/composer/state.js';
import type { Aggregation } from '../../src/contracts/data-model.js';
import type { Granularity } from '../../src/contracts/query.js';
import {
  ENCODING_CHANNELS,
  MARK_CHANNELS,
  markChannels,
  type EncodingAggregate,
  type EncodingChannel,
  type EncodingSort,
  type FieldType,
} from '../../src/widgets/spec.js';
import { emit } from '../shared/events.js';
import { acceptAttributeDrag, droppedAttribute, KIND_LABELS, kindIcon, leavesZone } from './attribute-drag.js';
import { requestAction, type EditFilterDetail, type PickupDetail } from './composer-events.js';
import { shelvesStyles } from './shelves.styles.js';

/** A drop zone: a channel, the filters or the fields on no channel. */
type Zone = EncodingChannel | 'filters' | 'fields';

const AGGREGATE_LABELS: Readonly<Record<EncodingAggregate, string>> = {
  count: 'Count',
  distinct: 'Distinct count',
  sum: 'Sum',
  mean: 'Average',
  median: 'Median',
  min: 'Minimum',
  max: 'Maximum',
};
const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  count: 'a count',
  countDistinct: 'a distinct count',
  sum: 'a sum',
  avg: 'an average',
  min: 'a minimum',
  max: 'a maximum',
};
const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];
const GRANULARITY_LABELS: Readonly<Record<Granularity, string>> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' };
/** Encoding types in plain words (Vega-Lite's quantitative, temporal, ordinal, nominal). */
const TYPE_LABELS: Readonly<Record<FieldType, string>> = {
  quantitative: 'Amount',
  temporal: 'Time',
  ordinal: 'Ordered',
  nominal: 'Category',
};
/** Channels a sort may name (EncodingSort has no theta). */
const SORT_CHANNELS: ReadonlySet<EncodingChannel> = new Set(['x', 'y', 'color', 'size']);

const REMOVE_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"></path></svg>`;

/** The select value of a sort: its own string, "custom" for an explicit order of values. */
const sortValue = (sort: EncodingSort | undefined) => (sort === undefined ? '' : Array.isArray(sort) ? 'custom' : sort);

/**
 * @summary The composer's encoding shelves: one drop zone per channel of the mark (aggregate, granularity, type, remove), swap X and Y, the filters and the extra fields.
 * @tagname clv-composer-shelves
 *
 * Each shelf takes an attribute dropped with the pointer, or, while one is carried from the
 * keyboard, Enter or Space on the focused shelf.
 *
 * @event clv-composer-action - A change to the composer state: `assign`, `unassign`, `swapXY`, `setAggregate`, `setGranularity`, `setFieldType`, `setSort`, `addField`, `removeField`, `removeFilter`.
 * @event clv-composer-edit-filter - Open the filter dialog: `{attribute}` for a new filter (an attribute dropped on the filters), `{index}` to edit one.
 * @event clv-composer-pickup - A carried attribute was dropped or the carrying cancelled with Escape; detail: `{attribute: undefined}`.
 *
 * @csspart shelf - Each channel shelf (with `data-channel`); the filters and fields shelves are parts `filters` and `fields`.
 * @csspart pill - The attribute placed on a shelf.
 * @csspart aggregate-select - The aggregate of a channel.
 * @csspart granularity-select - The time unit of a time attribute.
 * @csspart type-select - The encoding type.
 * @csspart sort-select - The sort of a channel.
 * @csspart remove-button - Takes the attribute off its channel.
 * @csspart swap-button - Swaps X and Y.
 * @csspart filters - The filters shelf.
 * @csspart filter - One filter; its buttons are `edit-filter-button` and `remove-filter-button`.
 * @csspart fields - The shelf of fields on no channel (the columns of a table).
 * @csspart field - One field on no channel; its remove button is `remove-field-button`.
 * @csspart problem - A problem shown on the shelf or filter it concerns.
 *
 * @cssprop --clv-color-accent - Drop highlights and keyboard drop targets.
 * @cssprop --clv-color-border - Shelf borders.
 * @cssprop --clv-color-surface-raised - Shelf background.
 * @cssprop --clv-color-danger - Problems.
 */
export class ClvComposerShelves extends LitElement {
  static override styles = shelvesStyles;

  static override properties = {
    state: { attribute: false },
    available: { attribute: false },
    problems: { attribute: false },
    carrying: {},
    _over: { state: true },
    _announcement: { state: true },
  };

  declare state: ComposerState;
  declare available: readonly ComposerAttribute[];
  /** explainState's problems, shown on the shelf they concern. */
  declare problems: readonly ComposerProblem[];
  /** The attribute picked up from the keyboard, while one is carried. */
  declare carrying: string | undefined;
  /** The zone a pointer drag is over (highlighted). */
  declare _over: Zone | undefined;
  declare _announcement: string;

  constructor() {
    super();
    this.state = emptyComposerState();
    this.available = [];
    this.problems = [];
    this.carrying = undefined;
    this._over = undefined;
    this._announcement = '';
  }

  #attribute(key: string): ComposerAttribute | undefined {
    return (this.available ?? []).find((a) => a.key === key);
  }

  #label(key: string): string {
    return this.#attribute(key)?.label ?? key;
  }

  /** The mark's channels, then any channel it does not use but the state still fills (shown so it can be removed). */
  #channels(): EncodingChannel[] {
    const state = this.state;
    const channels = markChannels(state.mark);
    return [...channels, ...ENCODING_CHANNELS.filter((c) => !channels.includes(c) && state.encodings[c])];
  }

  #say(text: string): void {
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = text));
  }

  // ------------------------------------------------------------------ dropping

  #drop(zone: Zone, key: string): void {
    const a = this.#attribute(key);
    const label = a?.label ?? key;
    if (zone === 'filters') {
      emit<EditFilterDetail>(this, 'clv-composer-edit-filter', { attribute: key });
    } else if (zone === 'fields') {
      requestAction(this, { type: 'addField', attribute: key });
      this.#say(`${label} added ${this.state.mark === 'table' ? 'as a column' : 'to the query'}.`);
    } else {
      const granularity = a?.kind === 'time' && this.state.mode === 'guided' ? { granularity: 'month' as const } : {};
      requestAction(this, { type: 'assign', channel: zone, attribute: key, ...granularity });
      this.#say(`${label} placed on ${CHANNEL_LABELS[zone]}.`);
    }
  }

  #zoneOf(event: Event): Zone {
    const el = event.currentTarget as HTMLElement;
    return (el.dataset.channel ?? el.dataset.shelf) as Zone;
  }

  #onDragOver = (event: DragEvent): void => {
    if (acceptAttributeDrag(event)) this._over = this.#zoneOf(event);
  };

  #onDragLeave = (event: DragEvent): void => {
    if (leavesZone(event, event.currentTarget as Element) && this._over === this.#zoneOf(event)) this._over = undefined;
  };

  #onDrop = (event: DragEvent): void => {
    const zone = this.#zoneOf(event);
    this._over = undefined;
    const key = droppedAttribute(event);
    if (key) this.#drop(zone, key);
  };

  #onZoneKeydown = (event: KeyboardEvent): void => {
    const zone = event.currentTarget as HTMLElement;
    const carried = this.carrying;
    if (event.target !== zone || carried === undefined || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    this.#drop(this.#zoneOf(event), carried);
    emit<PickupDetail>(this, 'clv-composer-pickup', { attribute: undefined });
  };

  /** Escape anywhere on the shelves cancels a keyboard drag. */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.carrying === undefined || event.defaultPrevented) return;
    event.preventDefault();
    this.#say(`${this.#label(this.carrying)} put back.`);
    emit<PickupDetail>(this, 'clv-composer-pickup', { attribute: undefined });
  };

  /** A drop zone: its handlers, its highlight and (while carrying) a tab stop around `content`. */
  #renderZone(zone: Zone, a: { part: string; classes: string[]; labelledBy: string; describedBy: string }, content: TemplateResult): TemplateResult {
    const carrying = this.carrying !== undefined;
    const classes = [...a.classes, this._over === zone ? 'shelf--over' : '', carrying ? 'shelf--target' : ''].filter(Boolean).join(' ');
    const shelf = zone === 'filters' || zone === 'fields';
    return html`<div
      part=${a.part}
      class=${classes}
      data-channel=${shelf ? nothing : zone}
      data-shelf=${shelf ? zone : nothing}
      role="group"
      aria-labelledby=${a.labelledBy}
      aria-describedby=${a.describedBy || nothing}
      tabindex=${carrying ? '0' : '-1'}
      @keydown=${this.#onZoneKeydown}
      @dragenter=${this.#onDragOver}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      ${content}
    </div>`;
  }

  // ------------------------------------------------------------------ changes

  #onAggregate = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const channel = select.dataset.channel as EncodingChannel;
    requestAction(this, { type: 'setAggregate', channel, aggregate: (select.value || undefined) as EncodingAggregate | undefined });
  };

  #onGranularity = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    requestAction(this, { type: 'setGranularity', channel: select.dataset.channel as EncodingChannel, granularity: select.value as Granularity });
  };

  #onType = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    requestAction(this, { type: 'setFieldType', channel: select.dataset.channel as EncodingChannel, fieldType: select.value as FieldType });
  };

  #onSort = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    if (select.value === 'custom') return;
    requestAction(this, { type: 'setSort', channel: select.dataset.channel as EncodingChannel, sort: (select.value || undefined) as EncodingSort | undefined });
  };

  #unassign(channel: EncodingChannel): void {
    const e = this.state.encodings[channel];
    requestAction(this, { type: 'unassign', channel });
    if (e) this.#say(`${this.#label(e.attribute)} removed from ${CHANNEL_LABELS[channel]}.`);
    this.#keepFocus(`[data-channel="${channel}"]`);
  }

  #removeFilter(index: number, text: string): void {
    requestAction(this, { type: 'removeFilter', index });
    this.#say(`Filter removed: ${text}.`);
    this.#keepFocus('[data-shelf=filters]');
  }

  #removeField(key: string, label: string): void {
    requestAction(this, { type: 'removeField', key });
    this.#say(`${label} removed.`);
    this.#keepFocus('[data-shelf=fields]');
  }

  /** The button pressed goes away with what it removed: its shelf keeps the focus. */
  #keepFocus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const state = this.state ?? emptyComposerState();
    const channels = this.#channels();
    const xy = markChannels(state.mark).includes('x') && markChannels(state.mark).includes('y');
    const guided = state.mode === 'guided';
    const carried = this.carrying !== undefined ? this.#label(this.carrying) : undefined;
    return html`<div class="shelves" @keydown=${this.#onKeydown}>
      ${carried !== undefined
        ? html`<p class="carrying" part="carrying">Carrying <strong>${carried}</strong>: press Enter on a shelf to drop it, Escape to cancel.</p>`
        : nothing}
      ${channels.length
        ? html`<div class="channels">
            ${channels.map((c) => this.#renderChannel(c))}
            ${xy
              ? html`<div class="swap">
                  <button
                    part="swap-button"
                    class="button button--small"
                    type="button"
                    ?disabled=${!state.encodings.x && !state.encodings.y}
                    @click=${() => requestAction(this, { type: 'swapXY' })}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path d="M4 2.5v10M4 12.5l-2-2M4 12.5l2-2M12 13.5v-10M12 3.5l-2 2M12 3.5l2 2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"></path>
                    </svg>
                    Swap X and Y
                  </button>
                </div>`
              : nothing}
          </div>`
        : html`<p class="note">A ${MARK_LABELS[state.mark]} has no channels: its columns are the fields below.</p>`}
      ${guided && state.mark === 'table' ? this.#renderFields() : nothing} ${guided ? this.#renderFilters() : nothing}
      ${guided && state.mark !== 'table' ? this.#renderFields() : nothing}
      <div class="visually-hidden" role="status">${this._announcement}</div>
    </div>`;
  }

  #problemFor(channel: EncodingChannel): ComposerProblem | undefined {
    return (this.problems ?? []).find((p) => p.channel === channel);
  }

  #renderChannel(channel: EncodingChannel): TemplateResult {
    const state = this.state;
    const rule = MARK_CHANNELS[state.mark];
    const required = rule.required.includes(channel);
    const used = markChannels(state.mark).includes(channel);
    const purpose = rule.purpose[channel];
    const e = state.encodings[channel];
    const problem = this.#problemFor(channel);
    const describedBy = [purpose ? `help-${channel}` : '', problem ? `problem-${channel}` : '', this.carrying !== undefined ? 'drop-hint' : '']
      .filter(Boolean)
      .join(' ');
    const classes = ['shelf', e ? 'shelf--filled' : 'shelf--empty', problem ? 'shelf--problem' : ''];
    const labelledBy = `title-${channel}${required ? ` required-${channel}` : ''}`;
    return this.#renderZone(
      channel,
      { part: 'shelf', classes, labelledBy, describedBy },
      html`<div class="shelf__head">
          <span class="shelf__title" id="title-${channel}">${CHANNEL_LABELS[channel]}</span>
          ${required ? html`<span class="shelf__required" id="required-${channel}">required</span>` : nothing}
          ${used ? nothing : html`<span class="shelf__required">not used by a ${MARK_LABELS[state.mark]}</span>`}
        </div>
        ${purpose ? html`<p class="shelf__help" id="help-${channel}">${purpose}</p>` : nothing}
        ${e ? this.#renderEncoding(channel, e) : html`<p class="shelf__empty">Drop an attribute here</p>`}
        ${problem ? html`<p part="problem" class="problem" id="problem-${channel}">${problem.message}</p>` : nothing}
        ${this.carrying !== undefined && channel === this.#channels()[0] ? this.#dropHint() : nothing}`,
    );
  }

  /** The words a focused drop target adds while an attribute is carried (one element, referenced by every target). */
  #dropHint(): TemplateResult {
    return html`<span class="visually-hidden" id="drop-hint">Press Enter to drop ${this.#label(this.carrying!)} here.</span>`;
  }

  #renderEncoding(channel: EncodingChannel, e: ComposerEncoding): TemplateResult {
    const a = this.#attribute(e.attribute);
    const label = a?.label ?? e.attribute;
    const aggregates = a ? aggregateOptions(a) : [];
    const types = a ? fieldTypeOptions(a, e.aggregate) : [e.type];
    if (!types.includes(e.type)) types.unshift(e.type);
    const time = a?.kind === 'time' && this.state.mode === 'guided';
    const id = (what: string) => `${what}-${channel}`;
    return html`<div part="pill" class="pill">
        ${a ? html`<span class="pill__kind">${kindIcon(a.kind)}<span class="visually-hidden">${KIND_LABELS[a.kind]}:</span></span>` : nothing}
        <span class="pill__text">
          <span class="pill__label">${label}</span>
          ${a?.tableTitle ? html`<span class="pill__table">${a.tableTitle}</span>` : nothing}
        </span>
        <button
          part="remove-button"
          class="icon-button"
          type="button"
          aria-label="Remove ${label} from ${CHANNEL_LABELS[channel]}"
          title="Remove ${label} from ${CHANNEL_LABELS[channel]}"
          @click=${() => this.#unassign(channel)}
        >
          ${REMOVE_ICON}
        </button>
      </div>
      <div class="settings">
        ${aggregates.length
          ? html`<label class="setting" for=${id('aggregate')}>
              <span class="setting__label">Aggregate</span>
              <select part="aggregate-select" id=${id('aggregate')} data-channel=${channel} @change=${this.#onAggregate}>
                <option value="" ?selected=${!e.aggregate}>(none)</option>
                ${aggregates.map((g) => html`<option value=${g} ?selected=${e.aggregate === g}>${AGGREGATE_LABELS[g]}</option>`)}
              </select>
            </label>`
          : a?.kind === 'measure'
            ? html`<p class="setting setting--note">${a.aggregation ? `The query computes ${AGGREGATION_LABELS[a.aggregation]}.` : 'The query computes it.'}</p>`
            : nothing}
        ${time
          ? html`<label class="setting" for=${id('granularity')}>
              <span class="setting__label">Time unit</span>
              <select part="granularity-select" id=${id('granularity')} data-channel=${channel} @change=${this.#onGranularity}>
                ${GRANULARITIES.map((g) => html`<option value=${g} ?selected=${e.granularity === g}>${GRANULARITY_LABELS[g]}</option>`)}
              </select>
            </label>`
          : nothing}
        <label class="setting" for=${id('type')}>
          <span class="setting__label">Type</span>
          <select part="type-select" id=${id('type')} data-channel=${channel} @change=${this.#onType}>
            ${types.map((t) => html`<option value=${t} ?selected=${e.type === t}>${TYPE_LABELS[t]}</option>`)}
          </select>
        </label>
        ${this.#renderSort(channel, e)}
      </div>`;
  }

  #renderSort(channel: EncodingChannel, e: ComposerEncoding): TemplateResult {
    const current = sortValue(e.sort);
    const by = this.#channels().filter((c) => c !== channel && SORT_CHANNELS.has(c) && this.state.encodings[c]);
    const options: Array<[string, string]> = [
      ['', '(none)'],
      ['ascending', 'Ascending'],
      ['descending', 'Descending'],
      ...by.flatMap((c): Array<[string, string]> => [
        [c, `By ${CHANNEL_LABELS[c]}, ascending`],
        [`-${c}`, `By ${CHANNEL_LABELS[c]}, descending`],
      ]),
    ];
    if (current === 'custom') options.push(['custom', 'Custom order']);
    else if (!options.some(([v]) => v === current)) options.push([current, current]);
    return html`<label class="setting" for="sort-${channel}">
      <span class="setting__label">Sort</span>
      <select part="sort-select" id="sort-${channel}" data-channel=${channel} @change=${this.#onSort}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${current === v}>${text}</option>`)}
      </select>
    </label>`;
  }

  /** Fields on no channel; the row key a chart's aggregate needs is the composer's own business. */
  #extraFields(): QueryField[] {
    const onChannels = new Set(ENCODING_CHANNELS.flatMap((c) => (this.state.encodings[c] ? [encodingKey(this.state.encodings[c])] : [])));
    return this.state.fields.filter((f) => !onChannels.has(fieldKey(f)) && !(f.kind === 'dimension' && f.rowKey));
  }

  #fieldLabel(f: QueryField): string {
    const label = this.#label(f.member);
    return f.kind === 'time' ? `${label} (${GRANULARITY_LABELS[f.granularity].toLowerCase()})` : label;
  }

  #renderFields(): TemplateResult {
    const table = this.state.mark === 'table';
    const fields = this.#extraFields();
    const list = fields.length
      ? html`<ul class="chips" role="list">
          ${fields.map((f) => {
            const label = this.#fieldLabel(f);
            const key = fieldKey(f);
            const a = this.#attribute(f.member);
            return html`<li part="field" class="chip" data-field=${key}>
              ${a ? html`${kindIcon(a.kind)}<span class="visually-hidden">${KIND_LABELS[a.kind]}:</span>` : nothing}
              <span class="chip__text">${label}</span>
              <button
                part="remove-field-button"
                class="icon-button icon-button--small"
                type="button"
                aria-label="Remove ${label}"
                title="Remove ${label}"
                @click=${() => this.#removeField(key, label)}
              >
                ${REMOVE_ICON}
              </button>
            </li>`;
          })}
        </ul>`
      : html`<p class="shelf__empty">${table ? 'Drop an attribute here to add a column' : 'Drop an attribute here'}</p>`;
    return this.#renderListShelf('fields', {
      title: table ? 'Columns' : 'More fields',
      help: table ? 'The columns of the table, in order.' : 'In the query without a channel: shown in tooltips.',
      dropHint: () => `Press Enter to add ${this.#label(this.carrying!)} ${table ? 'as a column' : 'to the query'}.`,
      content: list,
    });
  }

  #renderFilters(): TemplateResult {
    const filters = this.state.filters;
    const list = filters.length
      ? html`<ul class="filters" role="list">
          ${filters.map((f, index) => {
            const text = describeFilter(f, this.available ?? []);
            const problem = (this.problems ?? []).find((p) => p.filter === index);
            const problemId = problem ? `problem-filter-${index}` : undefined;
            return html`<li part="filter" class="filter ${problem ? 'filter--problem' : ''}" data-filter-index=${index}>
              <div class="filter__row">
                <span class="filter__text" id="filter-${index}">${text}</span>
                <button
                  part="edit-filter-button"
                  class="button button--small button--quiet"
                  type="button"
                  aria-describedby=${problemId ?? nothing}
                  @click=${() => emit<EditFilterDetail>(this, 'clv-composer-edit-filter', { index })}
                >
                  Edit<span class="visually-hidden"> filter: ${text}</span>
                </button>
                <button
                  part="remove-filter-button"
                  class="button button--small button--quiet"
                  type="button"
                  @click=${() => this.#removeFilter(index, text)}
                >
                  Remove<span class="visually-hidden"> filter: ${text}</span>
                </button>
              </div>
              ${problem ? html`<p part="problem" class="problem" id=${problemId!}>${problem.message}</p>` : nothing}
            </li>`;
          })}
        </ul>`
      : html`<p class="shelf__empty">Drop an attribute here to filter by it</p>`;
    return this.#renderListShelf('filters', {
      title: 'Filters',
      help: 'Only rows that pass every filter are shown.',
      dropHint: () => `Press Enter to filter by ${this.#label(this.carrying!)}.`,
      content: list,
    });
  }

  /** The filters or fields shelf: a drop zone with a title, a help line, its list and (while carrying) its drop hint. */
  #renderListShelf(
    shelf: 'filters' | 'fields',
    { title, help, dropHint, content }: { title: string; help: string; dropHint: () => string; content: TemplateResult },
  ): TemplateResult {
    const carrying = this.carrying !== undefined;
    const describedBy = `help-${shelf}${carrying ? ` drop-hint-${shelf}` : ''}`;
    return this.#renderZone(
      shelf,
      { part: shelf, classes: ['shelf', 'shelf--wide'], labelledBy: `title-${shelf}`, describedBy },
      html`<div class="shelf__head"><span class="shelf__title" id="title-${shelf}">${title}</span></div>
        <p class="shelf__help" id="help-${shelf}">${help}</p>
        ${content} ${carrying ? html`<span class="visually-hidden" id="drop-hint-${shelf}">${dropHint()}</span>` : nothing}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-shelves': ClvComposerShelves;
  }
}
