import { html, LitElement, svg, type SVGTemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CHANNEL_LABELS, MARK_LABELS } from '../../src/composer/explain.js';
import { MARK_CHANNELS, WidgetMark, type EncodingChannel } from '../../src/widgets/spec.js';
import { requestAction } from './composer-events.js';
import { markPickerStyles } from './mark-picker.styles.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The mark's name as the picker shows it ("Stacked bar chart"). */
export const markLabel = (mark: WidgetMark): string => capitalise(MARK_LABELS[mark]);

const channelList = (channels: readonly EncodingChannel[]) => channels.map((c) => CHANNEL_LABELS[c]).join(', ');

/** The encodings a mark takes, in words: "X, Y required · Color, Size optional". */
export function markEncodingsText(mark: WidgetMark): string {
  const { required, optional } = MARK_CHANNELS[mark];
  const parts = [
    ...(required.length ? [`${channelList(required)} required`] : []),
    ...(optional.length ? [`${channelList(optional)} optional`] : []),
  ];
  return parts.length ? parts.join(' · ') : 'No encodings: shows the query’s fields as columns';
}

/** 24×24 outline pictures of each mark, drawn in currentColor. */
const ICONS: Record<WidgetMark, SVGTemplateResult> = {
  bar: svg`<path d="M4 20h16" /><rect x="5.5" y="11" width="3" height="9" fill="currentColor" stroke="none" /><rect x="10.5" y="5" width="3" height="15" fill="currentColor" stroke="none" /><rect x="15.5" y="8" width="3" height="12" fill="currentColor" stroke="none" />`,
  'stacked-bar': svg`<path d="M4 20h16" /><rect x="5.5" y="10" width="3" height="10" /><rect x="10.5" y="5" width="3" height="15" /><rect x="15.5" y="8" width="3" height="12" /><path d="M5.5 15h3M10.5 13h3M15.5 14h3" /><rect x="5.5" y="15" width="3" height="5" fill="currentColor" stroke="none" /><rect x="10.5" y="13" width="3" height="7" fill="currentColor" stroke="none" /><rect x="15.5" y="14" width="3" height="6" fill="currentColor" stroke="none" />`,
  line: svg`<path d="M4 20h16" /><path d="M4 16l4.5-5 4 3L20 6" />`,
  area: svg`<path d="M4 20h16" /><path d="M4 16l4.5-5 4 3L20 6v14H4z" fill="currentColor" fill-opacity="0.35" />`,
  point: svg`<path d="M4 20h16" /><circle cx="7" cy="14" r="1.6" fill="currentColor" /><circle cx="11" cy="9" r="1.6" fill="currentColor" /><circle cx="14.5" cy="15" r="1.6" fill="currentColor" /><circle cx="18" cy="6" r="1.6" fill="currentColor" />`,
  tick: svg`<path d="M4 20h16" /><path d="M5 13h4M10 7h4M15 11h4M5 16h4M10 12h4" />`,
  donut: svg`<circle cx="12" cy="12" r="7" /><path d="M12 5a7 7 0 0 1 6.7 9" stroke-width="4" stroke-linecap="butt" />`,
  'big-number': svg`<text x="12" y="16.5" text-anchor="middle" font-size="12" font-weight="700" fill="currentColor" stroke="none" font-family="system-ui, sans-serif">42</text><path d="M5 20h14" />`,
  table: svg`<rect x="4" y="5" width="16" height="14" rx="1.5" /><path d="M4 9.5h16M4 14h16M10 5v14" />`,
};

/**
 * @summary The composer's mark choice: each mark with the encodings it takes.
 * @tagname clv-composer-mark-picker
 *
 * @event clv-composer-action - `{type: 'setMark', mark}` when another mark is chosen (click, Space, or the arrow keys).
 *
 * @csspart marks - The fieldset holding the tiles.
 * @csspart tile - One mark: its radio, icon, name and encodings (`tile checked` for the current mark).
 * @csspart icon - The mark's picture.
 * @csspart help - The encodings the mark takes.
 *
 * @cssprop --clv-composer-mark-tile-width - Least width of a tile (default 7.5rem); the grid fits as many columns as it can.
 * @cssprop --clv-color-accent - Border and icon of the chosen mark.
 * @cssprop --clv-color-border - Border of the other tiles.
 */
export class ClvComposerMarkPicker extends LitElement {
  static override styles = markPickerStyles;

  static override properties = {
    mark: {},
  };

  declare mark: WidgetMark;

  constructor() {
    super();
    this.mark = 'bar';
  }

  #onChange(event: Event): void {
    const mark = WidgetMark.safeParse((event.target as HTMLInputElement).value);
    if (!mark.success || mark.data === this.mark) return;
    requestAction(this, { type: 'setMark', mark: mark.data });
    // A view: the radio shows `mark` until the composer hands the new one down.
    this.requestUpdate();
  }

  override render() {
    return html`<fieldset part="marks">
      <legend>Mark</legend>
      <div class="tiles">
        ${WidgetMark.options.map((m) => {
          const checked = m === this.mark;
          return html`<div part=${checked ? 'tile checked' : 'tile'} class="tile" data-mark=${m}>
            <input
              type="radio"
              name="mark"
              id="mark-${m}"
              value=${m}
              .checked=${live(checked)}
              aria-describedby="help-${m}"
              @change=${this.#onChange}
            />
            <svg part="icon" class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
              ${ICONS[m]}
            </svg>
            <label for="mark-${m}">${markLabel(m)}</label>
            <p part="help" class="help" id="help-${m}">${markEncodingsText(m)}</p>
          </div>`;
        })}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-mark-picker': ClvComposerMarkPicker;
  }
}
