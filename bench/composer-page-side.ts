/**
 * The Chromium side of the composer benchmarks: a vite dev server of its own serves
 * bench/composer.html (+ bench/composer-browser.ts), headless Chromium is driven against it
 * (bench/page-server.ts), and every run is one page.evaluate call into window.clvComposerBench,
 * timed on the page. It starts after the other benchmarks' page has closed, with its own
 * dependency cache, so the two servers never share or invalidate one.
 */
import './composer-protocol.js';
import type { ComposerMarkRun, ComposerPrepared } from './composer-protocol.js';
import type { MarkRun } from './composer-workload.js';
import type { Alternative } from './harness.js';
import { BenchPage, openBenchPage, type PageOptions } from './page-server.js';

export class ComposerPageSide extends BenchPage {
  static async start(options: PageOptions): Promise<ComposerPageSide> {
    const opened = await openBenchPage(options, {
      html: 'bench/composer.html',
      global: 'clvComposerBench',
      cacheDir: 'node_modules/.vite-bench-composer',
      label: 'composer page',
      viewport: { width: 1280, height: 1600 },
    });
    return new ComposerPageSide(opened);
  }

  prepare(): Promise<ComposerPrepared> {
    return this.guarded('composer set-up', () => this.page.evaluate(() => window.clvComposerBench!.prepare()));
  }

  composerMarkChange(): Alternative<ComposerMarkRun> {
    return () => this.guarded('composer mark change', () => this.page.evaluate(() => window.clvComposerBench!.composerMarkChange()));
  }

  widgetMarkChange(): Alternative<MarkRun> {
    return () => this.guarded('standalone widget mark change', () => this.page.evaluate(() => window.clvComposerBench!.widgetMarkChange()));
  }
}
