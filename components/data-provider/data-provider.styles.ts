import { css } from 'lit';

export const dataProviderStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none !important;
  }
`;
