import type { HistoryAction } from '../../src/composer/history.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { emit } from '../shared/events.js';

/**
 * The events inside `<clv-widget-composer>` and the two it fires to its page. The parts of the
 * composer (table picker, attribute rail, shelves, mark picker, properties, SQL editor) are views:
 * they take the state as properties and ask for every change with a `clv-composer-action` event
 * whose detail is a ComposerAction; the composer applies it to its undo history and hands the new
 * state back down. No part keeps a copy of the state.
 */

/** Detail of `clv-composer-edit-filter`: open the filter dialog for a new filter on `attribute`, or for the existing filter `index`. */
export interface EditFilterDetail {
  attribute?: string;
  index?: number;
}

/** Detail of `clv-composer-pickup`: an attribute picked up from the keyboard to drop on a shelf (undefined: put down / cancelled). */
export interface PickupDetail {
  attribute: string | undefined;
}

/** Detail of `clv-composer-save`: the validated spec, and whether the composer should close. */
export interface ComposerSaveDetail {
  spec: WidgetSpec;
  close: boolean;
}

/** The drag-and-drop data type of an attribute key (HTML5 drag and drop between rail and shelves). */
export const ATTRIBUTE_DRAG_TYPE = 'application/x-clv-attribute';

export function requestAction(target: EventTarget, action: HistoryAction): void {
  emit(target, 'clv-composer-action', action);
}

declare global {
  interface HTMLElementEventMap {
    'clv-composer-action': CustomEvent<HistoryAction>;
    'clv-composer-edit-filter': CustomEvent<EditFilterDetail>;
    'clv-composer-pickup': CustomEvent<PickupDetail>;
    'clv-composer-save': CustomEvent<ComposerSaveDetail>;
    'clv-composer-cancel': CustomEvent<Record<string, never>>;
  }
}
