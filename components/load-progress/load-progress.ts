import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LoadProgress } from '../../src/contracts/loader.js';
import { formatNumber } from '../shared/format.js';
import { loadProgressStyles } from './load-progress.styles.js';

/** Where the work stands. */
export type LoadState = 'loading' | 'done' | 'error';
const STATES: readonly LoadState[] = ['loading', 'done', 'error'];

/** "load-rows" → "Load rows". */
export function humanizePhase(phase: string): string {
  const words = phase.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/**
 * @summary Shows long-running work (starting DuckDB, generating data, importing a file): what runs, its phase and how far it is.
 * @tagname clv-load-progress
 *
 * @slot actions - Buttons shown in the error state (for example "Try again").
 *
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart status - Phase, counts and percentage.
 * @csspart track - The progress bar (role=progressbar).
 * @csspart indicator - The filled part of the bar.
 * @csspart message - The note under the bar (done state).
 * @csspart error - The error panel.
 * @csspart error-message - The error text.
 *
 * @cssprop --clv-load-progress-height - Thickness of the bar (default 0.5rem).
 * @cssprop --clv-color-accent - Fill while loading.
 * @cssprop --clv-color-success - Fill when done.
 * @cssprop --clv-color-danger - Fill and border on error.
 * @cssprop --clv-color-skeleton - The empty track.
 */
export class ClvLoadProgress extends LitElement {
  static override styles = loadProgressStyles;

  static override properties = {
    progress: { attribute: false },
    label: {},
    state: { reflect: true },
    message: {},
    phaseLabels: { attribute: false },
  };

  /** How far the work is: phase name, units done and total units (total 0 or unknown: indeterminate). */
  declare progress: LoadProgress | undefined;
  /** What is being done ("Starting DuckDB", "Importing orders.csv"). */
  declare label: string;
  /** loading, done or error. */
  declare state: LoadState;
  /** The error text in the error state; an optional note in the done state. */
  declare message: string | undefined;
  /** Display names of phases ({customers: 'Generating customers'}); others are shown capitalised. */
  declare phaseLabels: Record<string, string>;

  #announcement = '';
  #announcedKey = '';

  constructor() {
    super();
    this.progress = undefined;
    this.label = 'Loading';
    this.state = 'loading';
    this.message = undefined;
    this.phaseLabels = {};
  }

  /** True when the bar shows a fraction (a positive total is known). */
  get determinate(): boolean {
    return !!this.progress && Number.isFinite(this.progress.total) && this.progress.total > 0;
  }

  /** Completed fraction from 0 to 1 (1 when done); undefined when indeterminate. */
  get fraction(): number | undefined {
    if (this.state === 'done') return 1;
    if (!this.determinate) return undefined;
    const { done, total } = this.progress!;
    return Math.min(1, Math.max(0, done / total));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') && !STATES.includes(this.state)) this.state = 'loading';
    // Announce phase and state changes politely, not every count.
    const key = `${this.state}|${this.progress?.phase ?? ''}`;
    if (key !== this.#announcedKey) {
      this.#announcedKey = key;
      this.#announcement =
        this.state === 'error'
          ? ''
          : this.state === 'done'
            ? `${this.label}: done.`
            : this.progress?.phase
              ? `${this.label}: ${this.#phaseText()}.`
              : '';
    }
  }

  #phaseText(): string {
    const phase = this.progress?.phase ?? '';
    return this.phaseLabels[phase] ?? humanizePhase(phase);
  }

  #statusText(): string {
    if (this.state === 'done') return 'Done';
    const parts: string[] = [];
    const phase = this.#phaseText();
    if (phase) parts.push(phase);
    if (this.determinate) {
      const { done, total } = this.progress!;
      parts.push(`${formatNumber(Math.min(done, total), ',d')} of ${formatNumber(total, ',d')}`);
      parts.push(formatNumber(this.fraction!, '.0%'));
    } else if (this.progress && this.progress.done > 0) {
      parts.push(formatNumber(this.progress.done, ',d'));
    }
    if (this.state === 'error') parts.unshift('Stopped');
    return parts.join(' · ');
  }

  protected override render(): TemplateResult {
    const fraction = this.fraction;
    const determinate = fraction !== undefined;
    const status = this.#statusText();
    const max = this.state === 'done' && !this.determinate ? 1 : (this.progress?.total ?? 1);
    const now = this.state === 'done' ? max : Math.min(this.progress?.done ?? 0, max);
    const classes = `base base--${this.state} ${determinate ? 'base--determinate' : 'base--indeterminate'}`;
    return html`<div part="base" class=${classes}>
      <div class="header">
        <span part="label" class="label" id="label">${this.label}</span>
        <span part="status" class="status">${status}</span>
      </div>
      <div
        part="track"
        class="track"
        role="progressbar"
        aria-labelledby="label"
        aria-valuemin=${determinate ? 0 : nothing}
        aria-valuemax=${determinate ? max : nothing}
        aria-valuenow=${determinate ? now : nothing}
        aria-valuetext=${status || nothing}
      >
        <div part="indicator" class="indicator" style=${determinate ? `width:${Number((fraction * 100).toFixed(2))}%` : ''}></div>
      </div>
      ${this.state === 'error'
        ? html`<div part="error" class="error" role="alert">
            <span class="error__message"
              ><span class="error__title">Failed: </span><span part="error-message">${this.message ?? 'The work stopped with an error.'}</span></span
            >
            <slot name="actions"></slot>
          </div>`
        : this.state === 'done' && this.message
          ? html`<p part="message" class="message">${this.message}</p>`
          : nothing}
      <span class="visually-hidden" role="status">${this.#announcement}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-load-progress': ClvLoadProgress;
  }
}
