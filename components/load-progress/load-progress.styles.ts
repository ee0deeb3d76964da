import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

export const loadProgressStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: ${token('--clv-space-s')};
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${token('--clv-space-xs')} ${token('--clv-space-l')};
    }
    .label {
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .status {
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
      font-variant-numeric: tabular-nums;
    }
    .track {
      position: relative;
      overflow: hidden;
      height: var(--clv-load-progress-height, 0.5rem);
      border-radius: 999px;
      background: ${token('--clv-color-skeleton')};
    }
    .indicator {
      height: 100%;
      border-radius: inherit;
      background: ${token('--clv-color-accent')};
      transition: width ${token('--clv-transition-duration')} linear;
    }
    .base--indeterminate .indicator {
      position: absolute;
      width: 35%;
      animation: clv-indeterminate 1.3s ease-in-out infinite;
    }
    .base--done .indicator {
      background: ${token('--clv-color-success')};
    }
    .base--error .indicator {
      background: ${token('--clv-color-danger')};
    }
    .base--error.base--indeterminate .indicator {
      animation: none;
      width: 100%;
    }
    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('--clv-space-s')} ${token('--clv-space-l')};
      margin: 0;
      padding: ${token('--clv-space-s')} ${token('--clv-space-m')};
      border: 1px solid ${token('--clv-color-danger')};
      border-radius: ${token('--clv-radius-m')};
      background: ${token('--clv-color-danger-surface')};
    }
    .error__message {
      flex: 1 1 16rem;
      /* Paths and URLs in messages have no spaces to break at. */
      overflow-wrap: anywhere;
    }
    .error__title {
      color: ${token('--clv-color-danger')};
      font-weight: ${token('--clv-font-weight-bold')};
    }
    .message {
      margin: 0;
      color: ${token('--clv-color-text-muted')};
      font-size: ${token('--clv-font-size-small')};
    }
    @keyframes clv-indeterminate {
      from {
        left: -35%;
      }
      to {
        left: 100%;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .indicator {
        transition: none;
      }
      .base--indeterminate .indicator {
        animation: none;
        left: 0;
        width: 100%;
        opacity: 0.45;
      }
    }
  `,
];
