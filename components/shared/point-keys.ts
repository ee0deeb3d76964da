/** The keyboard selection among a chart's data points, as the chart keeps it. */
export interface PointSelection {
  /** How many points can be selected. */
  count: number;
  /** The selected point, -1 for none. */
  active: number;
  /** Selects point `index` (-1: none); called only when the selection changes. */
  move(index: number): void;
  /** Enter or Space on the selected point. */
  choose(index: number): void;
}

/**
 * Moves the selection for a keydown on a chart's plot: arrows step through the points (right and
 * down forward, left and up back), Home and End jump to the ends, Escape clears the selection,
 * Enter and Space choose the selected point. Other keys keep their default.
 */
export function onPointKey(event: KeyboardEvent, { count, active, move, choose }: PointSelection): void {
  if (count === 0) return;
  let next = active;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      next = Math.min(count - 1, active + 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      next = Math.max(0, active - 1);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    case 'Escape':
      next = -1;
      break;
    case 'Enter':
    case ' ':
      event.preventDefault();
      if (active >= 0) choose(active);
      return;
    default:
      return;
  }
  event.preventDefault();
  if (next !== active) move(next);
}
