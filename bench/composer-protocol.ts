/**
 * The contract between the orchestrator (Node) and the composer benchmark page
 * (bench/composer.html + bench/composer-browser.ts). As with window.clvBench, every timed method
 * performs ONE run, timed on the page; everything crossing it is plain JSON.
 */
import type { MarkRun } from './composer-workload.js';
import type { Sample } from './harness.js';
import type { BrowserInfo } from './protocol.js';

/** What the untimed set-up made. */
export interface ComposerPrepared {
  /** Rows of customer_clv in the generated catalog data. */
  clvRows: number;
  /** Wall time of generateCatalogData (untimed set-up). */
  dataMs: number;
  /** Rows the widget shows (one bar per CLV decile). */
  rows: number;
  /** The box of the preview's `<clv-widget>`, which the standalone widget is given too. */
  box: { width: number; height: number };
  /** The preview's debounce (PREVIEW_DEBOUNCE_MS), subtracted from each composer run. */
  debounceMs: number;
}

/** A composer run: what it drew, its time with the debounce, and when the editor had re-rendered. */
export interface ComposerMarkRun extends MarkRun {
  /** From the dispatch to the painted chart, the debounce included. */
  totalMs: number;
  /** From the dispatch until the composer and each of its parts had finished updating. */
  editorMs: number;
}

export interface ComposerBrowserBench {
  info(): BrowserInfo;
  /** Untimed: catalog data, `<clv-widget-composer>` opened on the catalog spec, the standalone `<clv-widget>`, one untimed bar → line → bar. */
  prepare(): Promise<ComposerPrepared>;
  /** One mark change dispatched to the composer until its preview has painted it; ms excludes the debounce. */
  composerMarkChange(): Promise<Sample<ComposerMarkRun>>;
  /** The standalone widget given the composer's spec of the other mark, until painted. */
  widgetMarkChange(): Promise<Sample<MarkRun>>;
  dispose(): Promise<void>;
}

declare global {
  interface Window {
    clvComposerBench?: ComposerBrowserBench;
  }
}
