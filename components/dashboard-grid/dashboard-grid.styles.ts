import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

export const dashboardGridStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .base {
      position: relative;
      display: grid;
      grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
      grid-auto-rows: var(--row-height);
      gap: var(--gap);
    }
    .base--stacked {
      display: flex;
      flex-direction: column;
    }
    .base--dragging {
      user-select: none;
      -webkit-user-select: none;
    }
    .cell {
      position: relative;
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: 0;
    }
    .base--stacked .cell {
      flex: none;
    }
    ::slotted(*) {
      flex: 1 1 auto;
      min-width: 0;
      min-height: 0;
    }
    .cell--editing {
      outline: 1px dashed ${token('--clv-color-border')};
      outline-offset: 0;
      border-radius: ${token('--clv-radius-m')};
    }
    .cell--active {
      outline: 2px solid ${token('--clv-color-accent')};
      z-index: 2;
    }
    .cell--dragging {
      opacity: 0.85;
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
    }
    .handle {
      position: absolute;
      z-index: 1;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.75rem;
      height: 1.75rem;
      padding: 0;
      border: 1px solid ${token('--clv-color-border')};
      border-radius: ${token('--clv-radius-s')};
      background: ${token('--clv-color-surface')};
      color: ${token('--clv-color-text-muted')};
      font: inherit;
      /* The drag is ours: no scrolling or zooming while a finger holds a handle. */
      touch-action: none;
      transition: background-color ${token('--clv-transition-duration')};
    }
    .handle:hover {
      background: ${token('--clv-color-surface-raised')};
      color: ${token('--clv-color-text')};
    }
    .handle[aria-pressed='true'] {
      border-color: ${token('--clv-color-accent')};
      background: ${token('--clv-color-accent')};
      color: ${token('--clv-color-on-accent')};
    }
    .handle svg {
      width: 1rem;
      height: 1rem;
      pointer-events: none;
    }
    .handle--move {
      top: ${token('--clv-space-xs')};
      left: ${token('--clv-space-xs')};
      cursor: grab;
    }
    .base--dragging .handle--move {
      cursor: grabbing;
    }
    .handle--resize {
      right: ${token('--clv-space-2xs')};
      bottom: ${token('--clv-space-2xs')};
      cursor: nwse-resize;
    }
    .placeholder {
      z-index: 0;
      border: 2px dashed ${token('--clv-color-accent')};
      border-radius: ${token('--clv-radius-m')};
      background: color-mix(in srgb, ${token('--clv-color-accent')} 16%, transparent);
      pointer-events: none;
    }
    .error {
      margin: ${token('--clv-space-s')} 0 0;
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
      color: ${token('--clv-color-danger')};
      font-size: ${token('--clv-font-size-small')};
    }
    .error ul {
      margin: ${token('--clv-space-xs')} 0 0;
      padding-left: ${token('--clv-space-l')};
    }
    @media (prefers-reduced-motion: reduce) {
      .handle {
        transition: none;
      }
    }
  `,
];
