import { html, nothing, type TemplateResult } from 'lit';
import type { LoadState } from '../components/load-progress/load-progress.js';
import { formatNumber } from '../components/shared/format.js';
import type { LoadProgress } from '../src/contracts/loader.js';

/** One step of loading data, as a `<clv-load-progress>` shows it. */
export interface Stage {
  label: string;
  state: LoadState;
  progress?: LoadProgress;
  message?: string;
  phaseLabels?: Record<string, string>;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "12.3 s" since `since` (a performance.now() reading). */
export const seconds = (since: number): string => `${formatNumber((performance.now() - since) / 1000, ',.1f')} s`;

/** The stages as progress bars; `actions` goes into the error state's slot. */
export function stagesView(stages: readonly Stage[], actions?: () => TemplateResult): TemplateResult {
  return html`<div class="stages">
    ${stages.map(
      (s) => html`<clv-load-progress label=${s.label} state=${s.state} .progress=${s.progress} .phaseLabels=${s.phaseLabels ?? {}} message=${s.message ?? nothing}>
        ${actions && s.state === 'error' ? actions() : nothing}
      </clv-load-progress>`,
    )}
  </div>`;
}
