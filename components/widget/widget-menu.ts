import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Provenance, ResultSet } from '../../src/contracts/result.js';
import { emit } from '../shared/events.js';
import { MenuController, type MenuFocus } from '../shared/menu-controller.js';
import { csvFile, pngFile, saveExportFile, snapshotFile, svgFile, type WidgetExportFile, type WidgetExportKind } from './export-files.js';
import { provenanceName, provenanceText, renderProvenance } from './provenance.js';
import type { WidgetExportSource } from './widget-source.js';
import { widgetMenuStyles } from './widget-menu.styles.js';

/** Detail of `clv-widget-export`: a file was handed to the browser. */
export interface WidgetExportDetail {
  kind: WidgetExportKind;
  fileName: string;
}

type DialogState =
  | { kind: 'data'; result: ResultSet; comparison: ResultSet | undefined }
  | { kind: 'provenance'; provenance: Provenance }
  | { kind: 'error'; title: string; message: string };

interface MenuItem {
  id: string;
  label: string;
  /** Why the item cannot be used now; the item is shown disabled with this text. */
  reason?: string;
  separatorBefore?: boolean;
  run: () => void | Promise<void>;
}

const FILE_NAMES: Record<WidgetExportKind, string> = { csv: 'CSV file', png: 'PNG image', svg: 'SVG image', snapshot: 'spec + data file' };
const NO_DATA = 'No data yet';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * @summary A widget's menu: view its data and its SQL or request, download CSV, PNG, SVG or the spec with its data.
 * @tagname clv-widget-menu
 *
 * @event clv-widget-export - A file was handed to the browser; detail: `{kind: 'csv' | 'png' | 'svg' | 'snapshot', fileName}`.
 *
 * @csspart menu-button - The button that opens the menu.
 * @csspart menu - The menu (a popover).
 * @csspart item - Each menu item.
 * @csspart dialog - The modal dialog of "View data", "View SQL" and failed downloads.
 * @csspart code - The SQL, request body or plan text.
 * @csspart params - The list of bound parameter values.
 * @csspart copy-button - The Copy button of the SQL / request dialog.
 *
 * @cssprop --clv-widget-dialog-width - Width of the dialog (default 60rem).
 * @cssprop --clv-color-border - Borders of the menu and the dialog.
 * @cssprop --clv-color-surface-raised - Focused menu item, code background.
 */
export class ClvWidgetMenu extends LitElement {
  static override styles = widgetMenuStyles;

  static override properties = {
    source: { attribute: false },
    label: {},
    download: { attribute: false },
    _open: { state: true },
    _dialog: { state: true },
    _copyStatus: { state: true },
  };

  /** The widget whose data, query and chart the menu offers; read each time the menu opens or an item is chosen. */
  declare source: WidgetExportSource | undefined;
  /** The widget title: names the menu and the downloaded files. */
  declare label: string;
  /** Hands a file to the browser (default: a download link). Replace it to send files elsewhere or to capture them. */
  declare download: (file: WidgetExportFile) => void | Promise<void>;
  declare _open: boolean;
  declare _dialog: DialogState | undefined;
  declare _copyStatus: { ok: boolean; text: string } | undefined;

  #items: MenuItem[] = [];
  #menu = new MenuController(this, {
    menu: () => this.renderRoot.querySelector<HTMLElement>('.menu'),
    button: () => this.renderRoot.querySelector<HTMLElement>('.menu-button'),
    align: 'end',
    labels: () => this.#items.map((i) => i.label),
    close: (returnFocus) => this.#closeMenu(returnFocus),
    inside: (path) => path.includes(this),
  });

  constructor() {
    super();
    this.label = '';
    this.download = saveExportFile;
    this._open = false;
  }

  /** Whether the menu is open. */
  get open(): boolean {
    return this._open;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._open = false;
  }

  get #button(): HTMLButtonElement {
    return this.renderRoot.querySelector<HTMLButtonElement>('.menu-button')!;
  }

  #title(): string {
    return this.label || this.source?.effectiveSpec?.title || 'Widget';
  }

  // ------------------------------------------------------------------ items

  #buildItems(): MenuItem[] {
    const source = this.source;
    const result = source?.result;
    const provenance = source?.provenance ?? result?.provenance;
    const noData = result ? undefined : NO_DATA;
    const items: MenuItem[] = [
      { id: 'view-data', label: 'View data', reason: noData, run: () => this.#viewData() },
      {
        id: 'view-provenance',
        label: `View ${provenance ? provenanceName(provenance) : 'SQL'}`,
        reason: provenance ? undefined : 'No query has run yet',
        run: () => this.#viewProvenance(),
      },
      { id: 'csv', label: 'Download CSV', reason: noData, separatorBefore: true, run: () => this.#export('csv') },
    ];
    if (source?.view) {
      items.push({ id: 'png', label: 'Download PNG', run: () => this.#export('png') });
      items.push({ id: 'svg', label: 'Download SVG', run: () => this.#export('svg') });
    }
    items.push({
      id: 'snapshot',
      label: 'Download spec + data (JSON)',
      reason: noData ?? (source?.effectiveSpec ? undefined : 'The widget spec is not valid'),
      run: () => this.#export('snapshot'),
    });
    return items;
  }

  #viewData(): void {
    const result = this.source?.result;
    if (!result) return this.#showError('There is no data to show', 'The widget has no result yet.');
    this._dialog = { kind: 'data', result, comparison: this.source?.comparison };
  }

  #viewProvenance(): void {
    const provenance = this.source?.provenance ?? this.source?.result?.provenance;
    if (!provenance) return this.#showError('There is no query to show', 'No query has run yet.');
    this._copyStatus = undefined;
    this._dialog = { kind: 'provenance', provenance };
  }

  async #makeFile(kind: WidgetExportKind): Promise<WidgetExportFile> {
    const source = this.source;
    const title = this.#title();
    if (!source?.result) throw new Error('the widget has no data yet');
    if (kind === 'csv') return csvFile(source.result, title);
    if (kind === 'snapshot') {
      if (!source.effectiveSpec) throw new Error('the widget spec is not valid');
      return snapshotFile(source.effectiveSpec, source.result, source.comparison, title);
    }
    if (!source.view) throw new Error('the chart is not drawn');
    return kind === 'png' ? pngFile(source.view, title) : svgFile(source.view, title);
  }

  async #export(kind: WidgetExportKind): Promise<void> {
    let file: WidgetExportFile;
    try {
      file = await this.#makeFile(kind);
      await this.download(file);
    } catch (error) {
      this.#showError(`Could not download the ${FILE_NAMES[kind]}`, capitalize(messageOf(error)));
      return;
    }
    emit<WidgetExportDetail>(this, 'clv-widget-export', { kind: file.kind, fileName: file.fileName });
  }

  #showError(title: string, message: string): void {
    this._dialog = { kind: 'error', title, message };
  }

  // ------------------------------------------------------------------ menu open / close

  #openMenu(focus: MenuFocus): void {
    this.#menu.focusOnOpen(focus, this._open);
    this._open = true;
  }

  #closeMenu(returnFocus: boolean): void {
    this._open = false;
    if (returnFocus) this.#button.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_open')) this.#menu.sync(this._open);
    if (changed.has('_dialog') && this._dialog) {
      const dialog = this.renderRoot.querySelector('dialog')!;
      if (!dialog.open) dialog.showModal();
    }
  }

  // ------------------------------------------------------------------ events

  #onButtonClick = (): void => {
    if (this._open) this.#closeMenu(false);
    else this.#openMenu('first');
  };

  #onButtonKeydown = (event: KeyboardEvent): void => {
    const focus = this.#menu.buttonKey(event);
    if (focus) this.#openMenu(focus);
  };

  #onItemClick = (event: Event): void => {
    const element = event.currentTarget as HTMLElement;
    const item = this.#items.find((i) => i.id === element.dataset.id);
    if (!item || item.reason) return;
    this.#closeMenu(true);
    void item.run();
  };

  #onDialogClose = (): void => {
    this._dialog = undefined;
    this._copyStatus = undefined;
    this.#button.focus();
  };

  #closeDialog = (): void => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  async #copy(provenance: Provenance): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('the clipboard is not available on this page');
      await navigator.clipboard.writeText(provenanceText(provenance));
      this._copyStatus = { ok: true, text: 'Copied to the clipboard.' };
    } catch (error) {
      this._copyStatus = { ok: false, text: `Could not copy: ${messageOf(error).replace(/\.$/, '')}. Select the text and copy it instead.` };
    }
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    const name = `Actions for ${this.#title()}`;
    this.#items = this._open ? this.#buildItems() : [];
    return html`
      <button
        part="menu-button"
        class="menu-button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${name}
        title="Data and downloads"
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeydown}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="4" r="1.75"></circle><circle cx="10" cy="10" r="1.75"></circle><circle cx="10" cy="16" r="1.75"></circle></svg>
      </button>
      <div part="menu" class="menu" id="menu" role="menu" aria-label=${name} popover="manual" @keydown=${this.#menu.onMenuKeydown}>
        ${this.#items.map((item) => this.#renderItem(item))}
      </div>
      <dialog part="dialog" aria-labelledby="dialog-title" closedby="any" @close=${this.#onDialogClose}>
        ${this._dialog ? this.#renderDialog(this._dialog) : nothing}
      </dialog>
    `;
  }

  #renderItem(item: MenuItem): TemplateResult {
    return html`${item.separatorBefore ? html`<div role="separator" class="separator"></div>` : nothing}
      <button
        part="item"
        class="item"
        type="button"
        role="menuitem"
        tabindex="-1"
        data-id=${item.id}
        aria-disabled=${item.reason ? 'true' : 'false'}
        @click=${this.#onItemClick}
      >
        <span>${item.label}</span>
        ${item.reason ? html`<span class="item__reason">${item.reason}</span>` : nothing}
      </button>`;
  }

  #renderDialog(dialog: DialogState): TemplateResult {
    const title =
      dialog.kind === 'data' ? `Data: ${this.#title()}` : dialog.kind === 'provenance' ? `${capitalize(provenanceName(dialog.provenance))}: ${this.#title()}` : dialog.title;
    return html`<div class="dialog__body">
      <div class="dialog__header">
        <h2 class="dialog__title" id="dialog-title">${title}</h2>
        <button type="button" class="button" data-action="close" @click=${this.#closeDialog}>Close</button>
      </div>
      ${this.#renderDialogContent(dialog)}
    </div>`;
  }

  #renderDialogContent(dialog: DialogState): TemplateResult {
    switch (dialog.kind) {
      case 'data':
        return html`<clv-data-viewer .result=${dialog.result} label=${this.#title()}></clv-data-viewer>
          ${dialog.comparison
            ? html`<h3 class="section-title">Comparison</h3>
                <clv-data-viewer .result=${dialog.comparison} label=${`${this.#title()} (comparison)`}></clv-data-viewer>`
            : nothing}`;
      case 'provenance': {
        const status = this._copyStatus;
        return html`${renderProvenance(dialog.provenance)}
          <div class="dialog__actions">
            <button type="button" part="copy-button" class="button" data-action="copy" @click=${() => this.#copy(dialog.provenance)}>Copy</button>
            <p role="status" class=${status && !status.ok ? 'status status--error' : 'status'}>${status?.text ?? ''}</p>
          </div>`;
      }
      case 'error':
        return html`<p class="error" role="alert">${dialog.message}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clv-widget-menu': ClvWidgetMenu;
  }
  interface HTMLElementEventMap {
    'clv-widget-export': CustomEvent<WidgetExportDetail>;
  }
}
