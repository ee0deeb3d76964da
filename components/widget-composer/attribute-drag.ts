import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { AttributeKind, ComposerAttribute } from '../../src/composer/attributes.js';
import type { ColumnType } from '../../src/contracts/data-model.js';
import { ATTRIBUTE_DRAG_TYPE } from './composer-events.js';

/**
 * Pointer drag and drop of attributes between the rail and the shelves, and the small pieces both
 * show of an attribute (kind icon, kind and type words).
 */

/** Starts dragging `key`. Only the composer's own type is set: a text type would let the key drop into text fields. */
export function startAttributeDrag(event: DragEvent, key: string): void {
  const data = event.dataTransfer;
  if (!data) return;
  data.setData(ATTRIBUTE_DRAG_TYPE, key);
  data.effectAllowed = 'copy';
}

/** Whether a drag carries an attribute (during dragover only the types are readable, not the key). */
export function carriesAttribute(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(ATTRIBUTE_DRAG_TYPE) ?? false;
}

/**
 * For dragenter and dragover: accepts the drag when it carries an attribute (preventDefault is
 * what makes an element a drop target) and says whether it did.
 */
export function acceptAttributeDrag(event: DragEvent): boolean {
  if (!carriesAttribute(event)) return false;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  return true;
}

/** The attribute key of a drop, if it carries one. */
export function droppedAttribute(event: DragEvent): string | undefined {
  if (!carriesAttribute(event)) return undefined;
  event.preventDefault();
  return event.dataTransfer?.getData(ATTRIBUTE_DRAG_TYPE) || undefined;
}

/** Whether a dragleave really leaves `zone` (and does not just move onto one of its children). */
export function leavesZone(event: DragEvent, zone: Element): boolean {
  const to = event.relatedTarget;
  return !(to instanceof Node && zone.contains(to));
}

export const KIND_LABELS: Readonly<Record<AttributeKind, string>> = { dimension: 'Dimension', time: 'Time', measure: 'Measure' };

const TYPE_LABELS: Readonly<Record<ColumnType, string>> = {
  string: 'text',
  number: 'number',
  integer: 'whole number',
  boolean: 'yes/no',
  date: 'date',
  timestamp: 'date and time',
};

export function typeLabel(a: Pick<ComposerAttribute, 'type'>): string {
  return TYPE_LABELS[a.type] ?? a.type;
}

const KIND_ICONS: Readonly<Record<AttributeKind, SVGTemplateResult>> = {
  // A tag: a value to group by.
  dimension: svg`<path d="M2.5 2.5h5.6l5.4 5.4-5.6 5.6-5.4-5.4z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><circle cx="5.6" cy="5.6" r="1.1" fill="currentColor"/>`,
  // A clock: a date or time.
  time: svg`<circle cx="8" cy="8" r="5.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 4.75V8l2.25 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`,
  // A sigma: computed by the query.
  measure: svg`<path d="M12 3.25H4l4 4.75-4 4.75h8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>`,
};

/** The kind icon (decorative: the kind is also given in words next to it). */
export function kindIcon(kind: AttributeKind): TemplateResult {
  return html`<svg class="kind-icon kind-icon--${kind}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${KIND_ICONS[kind]}</svg>`;
}
