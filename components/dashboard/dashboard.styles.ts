import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';
import { dashboardButtonStyles } from './dialog.styles.js';
import { emptyPanelStyles, errorBox } from './panel.styles.js';

export const dashboardStyles = [
  baseStyles,
  ...dashboardButtonStyles,
  emptyPanelStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .dashboard {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-l')};
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
    }
    .back {
      padding-inline: ${token('--clv-space-s')};
    }
    .titles {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .title {
      margin: 0;
      font-size: ${token('--clv-font-size-large')};
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .description,
    .muted {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')};
    }
    .status {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .notice {
      margin: 0;
      padding: ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-warning')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-warning-surface')};
      color: ${token('--clv-color-text')};
    }
    .save-error,
    .load-error {
      ${errorBox}
    }
    .load-error p {
      margin: 0 0 ${token('--clv-space-s')};
    }
    .load-error__actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-s')};
    }
    /* A tile fills its grid cell; the widget takes the space the skipped-filters note leaves. */
    .tile {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
      padding: ${token('--clv-space-s')};
      border: 1px solid ${token('--clv-color-grid')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-surface')};
    }
    .tile clv-widget {
      flex: 1 1 auto;
      min-height: 0;
    }
    .tile-actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: ${token('--clv-space-xs')};
    }
    .skipped {
      flex: none;
      margin: ${token('--clv-space-xs')} 0 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    .skeleton {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: ${token('--clv-space-m')};
    }
    .skeleton span {
      display: block;
      height: 10rem;
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-skeleton')};
    }
  `,
];
