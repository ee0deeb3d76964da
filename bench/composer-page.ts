/**
 * The composer benchmark on the page: `<clv-widget-composer>` opened on the catalog's "CLV by CLV
 * decile" over the in-memory engine, a mark change dispatched to it and timed until its preview's
 * `<clv-widget>` has painted the new mark; against a standalone `<clv-widget>` of the same box
 * given the same spec object. Both sides alternate bar → line → bar, so every run draws a new mark.
 */
import '../components/widget-composer/define.js';
import { PREVIEW_DEBOUNCE_MS, type ClvComposerPreview } from '../components/widget-composer/preview.js';
import type { ClvWidgetComposer } from '../components/widget-composer/widget-composer.js';
import type { ClvWidget } from '../components/widget/widget.js';
import type { ColumnarData } from '../src/contracts/loader.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { catalogModel, catalogSpec } from '../src/widgets/catalog.js';
import { catalogNow, generateCatalogData } from '../src/widgets/catalog-data.js';
import type { WidgetSpec } from '../src/widgets/spec.js';
import type { ComposerMarkRun, ComposerPrepared } from './composer-protocol.js';
import { COMPOSER_CATALOG_ID, MARK_GROUP, otherMark, type MarkRun, type PreviewMark } from './composer-workload.js';
import { yieldToEventLoop, type Sample } from './harness.js';
import { canonicalJson } from './widget-workload.js';

/** "Now" of the catalog data, as its stories pin it. */
const NOW = catalogNow();
/** Longest a run may wait for the preview's query before it is given up. */
const RUN_TIMEOUT_MS = 60_000;

interface Open {
  composer: ClvWidgetComposer;
  preview: ClvComposerPreview;
  standalone: ClvWidget;
  /** The composer's latest spec object per mark: what the standalone widget is given. */
  specs: Partial<Record<PreviewMark, WidgetSpec>>;
}

let open: Open | undefined;

function need(): Open {
  if (!open) throw new Error('run prepare first');
  return open;
}

async function settle(): Promise<void> {
  window.gc?.();
  await yieldToEventLoop();
}

/** Waits for `ready` after each update of the element, up to `timeoutMs`. */
async function until(element: ClvWidgetComposer, ready: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`the composer did not get there within ${timeoutMs / 1000} s: ${what}`);
    await element.ready;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the widget shows once settled; a widget not showing data fails the run. */
function markRun(widget: ClvWidget, mark: PreviewMark): MarkRun {
  if (widget.state !== 'data') throw new Error(`the widget ended in state ${widget.state}${widget.error ? `: ${widget.error.message}` : ''}`);
  return {
    mark,
    shown: widget.effectiveSpec?.mark ?? 'none',
    paths: widget.renderRoot.querySelectorAll(`${MARK_GROUP[mark]} path`).length,
    rows: widget.result?.rows.length ?? 0,
    spec: canonicalJson(widget.effectiveSpec),
  };
}

/** The composer's parts (each a LitElement in its shadow root). */
function parts(composer: ClvWidgetComposer): Array<Element & { updateComplete: Promise<unknown> }> {
  return [...composer.renderRoot.querySelectorAll('*')].filter(
    (e): e is Element & { updateComplete: Promise<unknown> } => e.localName.startsWith('clv-composer-') && 'updateComplete' in e,
  );
}

/** Resolves at the next query completion of a widget inside the preview (its new spec's rows are in). */
function nextQueryComplete(preview: ClvComposerPreview): Promise<void> {
  return new Promise((resolve, reject) => {
    const root = preview.renderRoot;
    const done = (error?: Error) => {
      clearTimeout(timer);
      root.removeEventListener('clv-query-complete', onComplete);
      root.removeEventListener('clv-query-error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onComplete = () => done();
    const onError = (e: Event) => done(new Error(`the preview's query failed: ${(e as CustomEvent<{ message?: string }>).detail?.message ?? 'unknown error'}`));
    const timer = setTimeout(() => done(new Error(`the preview ran no query within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    root.addEventListener('clv-query-complete', onComplete);
    root.addEventListener('clv-query-error', onError);
  });
}

/** One mark change in the composer, timed from the dispatch until the preview's widget has painted it. */
async function changeComposerMark(o: Open): Promise<Sample<ComposerMarkRun>> {
  const state = o.composer.state;
  if (!state) throw new Error('the composer has no state');
  const mark = otherMark(state.mark);
  await settle();
  const queried = nextQueryComplete(o.preview);
  const start = performance.now();
  o.composer.dispatchAction({ type: 'setMark', mark });
  await o.composer.updateComplete;
  await Promise.all(parts(o.composer).map((p) => p.updateComplete));
  const editorMs = performance.now() - start;
  await queried;
  const widget = o.preview.widget;
  if (!widget) throw new Error('the preview shows no widget');
  await widget.rendered;
  const totalMs = performance.now() - start;
  const spec = o.preview.spec;
  if (!spec || spec.mark !== mark) throw new Error(`the preview was given a ${spec?.mark ?? 'missing'} spec after setMark ${mark}`);
  o.specs[mark] = spec;
  return { ms: totalMs - PREVIEW_DEBOUNCE_MS, value: { ...markRun(widget, mark), totalMs, editorMs } };
}

/**
 * Untimed: the catalog data (generateCatalogData, 2,000 customers) in a MemoryAdapter of
 * catalogModel(), the composer opened on the catalog spec in `stage`, the standalone widget in a
 * box the size of the preview's widget, and one bar → line → bar in the composer so both specs exist.
 */
export async function prepareComposer(stage: HTMLElement): Promise<ComposerPrepared> {
  await disposeComposer();
  const dataStart = performance.now();
  const data: Record<string, ColumnarData> = generateCatalogData();
  const dataMs = performance.now() - dataStart;
  const adapter = new MemoryAdapter(catalogModel(), data);

  const composer = document.createElement('clv-widget-composer');
  composer.adapter = adapter;
  composer.now = NOW;
  composer.spec = catalogSpec(COMPOSER_CATALOG_ID);
  stage.append(composer);
  // The model loads once the element has rendered: wait for the editor and its preview.
  const findPreview = () => composer.renderRoot.querySelector('clv-composer-preview');
  await until(composer, () => findPreview() !== null, 'the editor with its preview');
  const preview = findPreview()!;
  await preview.rendered;
  const shown = preview.widget;
  const spec = preview.spec;
  if (!shown || !spec) throw new Error('the preview draws no widget for the catalog spec');
  const first = markRun(shown, 'bar');

  const rect = shown.getBoundingClientRect();
  const box = { width: Math.round(rect.width), height: Math.round(rect.height) };
  const frame = document.createElement('div');
  frame.style.cssText = `width:${box.width}px;margin-top:1rem`;
  const standalone = document.createElement('clv-widget');
  standalone.style.cssText = `display:block;height:${box.height}px`;
  standalone.adapter = adapter;
  standalone.now = NOW;
  standalone.spec = spec;
  frame.append(standalone);
  stage.append(frame);
  await standalone.rendered;
  markRun(standalone, 'bar');

  open = { composer, preview, standalone, specs: { bar: spec } };
  await changeComposerMark(open);
  await changeComposerMark(open);
  const clvRows = data.customer_clv ? (Object.values(data.customer_clv)[0]?.length ?? 0) : 0;
  return { clvRows, dataMs, rows: first.rows, box, debounceMs: PREVIEW_DEBOUNCE_MS };
}

export function composerMarkChange(): Promise<Sample<ComposerMarkRun>> {
  return changeComposerMark(need());
}

/** The baseline: the standalone widget given the composer's latest spec object of the other mark, until painted. */
export async function widgetMarkChange(): Promise<Sample<MarkRun>> {
  const o = need();
  const current = o.standalone.effectiveSpec?.mark;
  if (!current) throw new Error('the standalone widget shows no spec');
  const mark = otherMark(current);
  const spec = o.specs[mark];
  if (!spec) throw new Error(`the composer has drawn no ${mark} chart yet`);
  await settle();
  const start = performance.now();
  o.standalone.spec = spec;
  await o.standalone.rendered;
  const ms = performance.now() - start;
  return { ms, value: markRun(o.standalone, mark) };
}

export async function disposeComposer(): Promise<void> {
  const o = open;
  open = undefined;
  if (!o) return;
  o.composer.remove();
  o.standalone.parentElement?.remove();
}
