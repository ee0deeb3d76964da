import { html, nothing, svg, type TemplateResult } from 'lit';
import type { DisplayError } from './query-controller.js';

/**
 * The pieces of a multi-choice option list, as the multi-select and the composer's filter dialog
 * show them; their look is optionListStyles (option-list.styles.ts) and chipStyles (chips.styles.ts).
 */

const checkIcon = svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

export interface OptionRow {
  /** Its position: the row is `#option-<index>` with `data-index`. */
  index: number;
  label: string;
  chosen: boolean;
  /** The option the arrow keys point at. */
  active: boolean;
  /** Written as `data-value`. */
  value?: string;
  /** It stands for "no value" and cannot be chosen (aria-disabled, `data-empty`). */
  empty?: boolean;
  /** Shown after the label (a count). */
  end?: TemplateResult | typeof nothing;
}

/** One `role=option` row with its checkbox mark; part `option`, plus `option-selected` when chosen. */
export function optionTemplate(row: OptionRow): TemplateResult {
  return html`<li
    part=${row.chosen ? 'option option-selected' : 'option'}
    class="option ${row.active ? 'option--active' : ''}"
    id="option-${row.index}"
    role="option"
    aria-selected=${row.chosen ? 'true' : 'false'}
    aria-disabled=${row.empty ? 'true' : nothing}
    data-index=${row.index}
    data-value=${row.value ?? nothing}
    ?data-empty=${row.empty === true}
  >
    <span class="check ${row.chosen ? 'check--on' : ''}">${row.chosen ? checkIcon : nothing}</span>
    <span class="option__label">${row.label}</span>
    ${row.end ?? nothing}
  </li>`;
}

export interface Chip {
  label: string;
  /** Written as `data-value`. */
  value?: string;
}

/** How the chips list is named: by its own label, or by the element with id `labelledBy`. */
export type ChipsName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/** The chosen values as removable chips (parts `chips`, `chip`, `chip-remove`); `remove` gets the chip's index. */
export function chipsTemplate(chips: readonly Chip[], remove: (index: number) => void, name: ChipsName): TemplateResult {
  return html`<ul part="chips" class="chips" aria-label=${name.label ?? nothing} aria-labelledby=${name.labelledBy ?? nothing}>
    ${chips.map(
      (chip, i) => html`<li part="chip" class="chip" data-value=${chip.value ?? nothing}>
        <span>${chip.label}</span>
        <button part="chip-remove" class="chip__remove" type="button" aria-label="Remove ${chip.label}" @click=${() => remove(i)}>
          <span aria-hidden="true">×</span>
        </button>
      </li>`,
    )}
  </ul>`;
}

/** The panel of a listing that failed (parts `error`, `error-message`, `retry-button`). */
export function listErrorTemplate(title: string, error: DisplayError | undefined, retry: () => void, buttonClass = 'button'): TemplateResult {
  const { message } = error ?? { message: 'Unknown error.' };
  return html`<div part="error" class="error" role="alert">
    <p class="error__title">${title}</p>
    <p part="error-message" class="error__message">${message}</p>
    <button part="retry-button" class=${buttonClass} type="button" @click=${retry}>Retry</button>
  </div>`;
}
