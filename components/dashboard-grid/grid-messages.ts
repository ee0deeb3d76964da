import type { Layout } from '../../src/dashboards/spec.js';

/** What a handle changes: where the widget sits, or its size. */
export type HandleKind = 'move' | 'resize';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Revenue: column 3, row 2" (1-based, as a reader counts). */
export function positionText(label: string, layout: Layout): string {
  return `${label}: column ${layout.x + 1}, row ${layout.y + 1}`;
}

/** "Revenue: 4 columns wide, 3 rows tall". */
export function sizeText(label: string, layout: Layout): string {
  return `${label}: ${plural(layout.w, 'column', 'columns')} wide, ${plural(layout.h, 'row', 'rows')} tall`;
}

/** Where or how big the widget is, depending on the handle. */
export function layoutText(kind: HandleKind, label: string, layout: Layout): string {
  return kind === 'move' ? positionText(label, layout) : sizeText(label, layout);
}

export function pickedUpText(kind: HandleKind, label: string): string {
  const verb = kind === 'move' ? 'move' : 'resize';
  return `Picked up ${label}. Arrow keys ${verb} it, Space or Enter drops it, Escape cancels.`;
}

export function droppedText(kind: HandleKind, label: string, layout: Layout): string {
  return `Dropped. ${layoutText(kind, label, layout)}.`;
}

export function cancelledText(kind: HandleKind, label: string, layout: Layout): string {
  return `Cancelled. ${layoutText(kind, label, layout)}.`;
}

/** Read by screen readers on the handles (aria-describedby). */
export const HANDLE_HELP: Record<HandleKind, string> = {
  move: 'Press Space or Enter to pick up the widget, then arrow keys to move it.',
  resize: 'Press Space or Enter to pick up the widget, then arrow keys to change its width and height.',
};
