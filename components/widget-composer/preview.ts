import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ComposerProblem } from '../../src/composer/explain.js';
import type { DataAdapter } from '../../src/contracts/adapter.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import type { ClvWidget } from '../widget/widget.js';
import { baseStyles, token } from '../shared/tokens.styles.js';

/** How long the spec has to stay unchanged before the preview queries it. */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * @summary The composer's live preview: the widget being composed, drawn by `<clv-widget>` once its spec has stayed unchanged for 300 ms; what is missing while it cannot be drawn.
 * @tagname clv-composer-preview
 *
 * @csspart base - The box around the preview.
 * @csspart widget - The `<clv-widget>` drawing the spec.
 * @csspart missing - The "What is missing" panel shown instead of the chart.
 * @csspart empty - The note shown before anything is chosen.
 *
 * @cssprop --clv-composer-preview-height - Height of the chart (default 20rem).
 * @cssprop --clv-color-border - The preview's frame.
 * @cssprop --clv-color-warning-surface - Background of the "What is missing" panel.
 */
export class ClvComposerPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .base {
        display: flex;
        flex-direction: column;
        min-height: var(--clv-composer-preview-height, 20rem);
        padding: ${token('--clv-space-m')};
        border: 1px solid ${token('--clv-color-border')};
        border-radius: ${token('--clv-radius-m')};
        background: ${token('--clv-color-surface')};
      }
      clv-widget {
        flex: 1 1 auto;
        height: var(--clv-composer-preview-height, 20rem);
      }
      .note {
        flex: 1 1 auto;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: ${token('--clv-space-s')};
        margin: 0;
        padding: ${token('--clv-space-l')};
        border-radius: ${token('--clv-radius-s')};
        color: ${token('--clv-color-text-muted')};
        text-align: center;
      }
      .missing {
        justify-content: flex-start;
        background: ${token('--clv-color-warning-surface')};
        color: ${token('--clv-color-text')};
        text-align: start;
      }
      .missing h3 {
        margin: 0;
        font-size: ${token('--clv-font-size-medium')};
        font-weight: ${token('--clv-font-weight-bold')};
      }
      .missing ul {
        margin: 0;
        padding-inline-start: ${token('--clv-space-l')};
      }
    `,
  ];

  static override properties = {
    spec: { attribute: false },
    problems: { attribute: false },
    adapter: { attribute: false },
    now: {},
    _shown: { state: true },
  };

  /** The spec to draw; undefined before anything is chosen. */
  declare spec: WidgetSpec | undefined;
  /** What stops the spec from being drawn; the chart waits until there is nothing. */
  declare problems: readonly ComposerProblem[];
  declare adapter: DataAdapter | undefined;
  /** Pins "now" (ISO date) for relative date ranges. */
  declare now: string | undefined;
  /** The spec handed to the widget: `spec`, once it has stayed unchanged for the debounce. */
  declare _shown: WidgetSpec | undefined;

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the last render drew the widget: only then does a change wait for the debounce. */
  #drawing = false;

  constructor() {
    super();
    this.spec = undefined;
    this.problems = [];
    this.adapter = undefined;
    this.now = undefined;
    this._shown = undefined;
  }

  /** The `<clv-widget>` drawing the preview, when one is shown. */
  get widget(): ClvWidget | null {
    return this.renderRoot.querySelector('clv-widget');
  }

  /** Resolves once a pending debounce has passed and the widget (if any) has settled. */
  get rendered(): Promise<void> {
    return (async () => {
      while (this.#timer !== undefined) await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS / 3));
      await this.updateComplete;
      await this.widget?.rendered;
    })();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('spec')) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // A change to a drawn chart waits for the edits to pause; the first chart shows at once.
    if (!this.#drawing || this.spec === undefined) this._shown = this.spec;
    else
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this._shown = this.spec;
      }, PREVIEW_DEBOUNCE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this._shown = this.spec;
    }
  }

  protected override render() {
    this.#drawing = this.spec !== undefined && this.problems.length === 0 && this._shown !== undefined;
    return html`<div part="base" class="base">${this.#renderBody()}</div>`;
  }

  #renderBody() {
    if (!this.spec) {
      return html`<p part="empty" class="note">Put an attribute on a channel to see a preview of the widget here.</p>`;
    }
    if (this.problems.length > 0) {
      return html`<div part="missing" class="note missing">
        <h3 id="missing-title">What is missing</h3>
        <ul aria-labelledby="missing-title">
          ${this.problems.map((p) => html`<li>${p.message}</li>`)}
        </ul>
      </div>`;
    }
    return this._shown
      ? html`<clv-widget part="widget" .spec=${this._shown} .adapter=${this.adapter} .now=${this.now}></clv-widget>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-composer-preview': ClvComposerPreview;
  }
}
