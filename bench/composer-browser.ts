/**
 * The composer benchmark page (bench/composer.html), served by vite and driven by bench/run.ts
 * through window.clvComposerBench, one timed run per call. A page of its own, so the composer's
 * modules load without DuckDB-WASM and the other benchmarks' page stays as it is.
 */
import { composerMarkChange, disposeComposer, prepareComposer, widgetMarkChange } from './composer-page.js';
import type { ComposerBrowserBench } from './composer-protocol.js';

const status = document.querySelector('#status');
const show = (text: string) => {
  if (status) status.textContent = text;
};

const bench: ComposerBrowserBench = {
  info() {
    return { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency, exposedGc: typeof window.gc === 'function' };
  },

  async prepare() {
    show('prepare: catalog data, <clv-widget-composer> and the standalone <clv-widget>');
    const stage = document.querySelector<HTMLElement>('#stage');
    if (!stage) throw new Error('the page has no #stage element');
    return prepareComposer(stage);
  },

  async composerMarkChange() {
    show('composer: mark change until the preview has painted it');
    return composerMarkChange();
  },

  async widgetMarkChange() {
    show('standalone widget: mark change until painted');
    return widgetMarkChange();
  },

  async dispose() {
    await disposeComposer();
  },
};

window.clvComposerBench = bench;
show('ready');
