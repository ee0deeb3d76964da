import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { View } from 'vega';
import '../../components/widget/define-menu.js';
import type { ClvDataViewer } from '../../components/widget/data-viewer.js';
import type { WidgetExportFile } from '../../components/widget/export-files.js';
import type { ClvWidgetMenu, WidgetExportDetail } from '../../components/widget/widget-menu.js';
import type { WidgetExportSource } from '../../components/widget/widget-source.js';
import { loadVegaEmbed } from '../../components/query-chart/vega-loader.js';
import type { Provenance, ResultSet } from '../../src/contracts/result.js';
import { parseWidgetSnapshot, parseWidgetSpec, type WidgetSpec } from '../../src/widgets/index.js';
import { memoryAdapter, revenueByTier } from './support/adapters.js';

const spec: WidgetSpec = (() => {
  const r = parseWidgetSpec({
    version: 2,
    title: 'Revenue by tier',
    data: { kind: 'semantic', query: revenueByTier },
    mark: 'bar',
    encodings: { x: { field: 'customers.loyalty_tier', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
  });
  if (!r.success) throw new Error(r.message);
  return r.spec;
})();

const sqlProvenance: Provenance = {
  kind: 'sql',
  sql: 'SELECT t1.loyalty_tier, sum(t0.amount)\nFROM transactions t0 JOIN customers t1 USING (customer_id)\nWHERE t0.ts >= $1 AND t1.country = $2\nGROUP BY 1',
  params: ['2024-01-01', "O'Neil"],
};
const result: ResultSet = {
  columns: [
    { name: 'customers.loyalty_tier', label: 'Loyalty tier', type: 'string', role: 'dimension' },
    { name: 'transactions.revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
  ],
  rows: [
    { 'customers.loyalty_tier': 'Gold, plus', 'transactions.revenue': 1200.5 },
    { 'customers.loyalty_tier': '=HYPERLINK("http://x.example")', 'transactions.revenue': -3 },
    { 'customers.loyalty_tier': null, 'transactions.revenue': 7 },
  ],
  provenance: sqlProvenance,
};

/** A plain object standing in for `<clv-widget>`. */
function source(overrides: Partial<WidgetExportSource> = {}): WidgetExportSource {
  return { effectiveSpec: spec, result, comparison: undefined, provenance: result.provenance, view: undefined, ...overrides };
}

let vegaView: View | undefined;
/** A real vega View: a two-bar Vega-Lite chart embedded in a div. */
async function realView(): Promise<View> {
  if (vegaView) return vegaView;
  const { default: embed } = await loadVegaEmbed();
  const div = document.createElement('div');
  document.body.append(div);
  const embedded = await embed(
    div,
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values: [{ tier: 'Gold', revenue: 3 }, { tier: 'Silver', revenue: 5 }] },
      mark: 'bar',
      encoding: { x: { field: 'tier', type: 'nominal' }, y: { field: 'revenue', type: 'quantitative' } },
    },
    { renderer: 'svg', actions: false },
  );
  vegaView = embedded.view;
  return vegaView;
}

interface Setup {
  el: ClvWidgetMenu;
  files: WidgetExportFile[];
  after: HTMLButtonElement;
}

async function menu(src: WidgetExportSource | undefined = source(), label = 'Revenue by tier'): Promise<Setup> {
  const files: WidgetExportFile[] = [];
  const wrapper = await fixture<HTMLElement>(html`<div style="padding: 40px 300px 400px">
    <clv-widget-menu .source=${src} label=${label} .download=${(file: WidgetExportFile) => void files.push(file)}></clv-widget-menu>
    <button id="after">After</button>
  </div>`);
  const el = wrapper.querySelector('clv-widget-menu')!;
  await el.updateComplete;
  return { el, files, after: wrapper.querySelector<HTMLButtonElement>('#after')! };
}

const root = (el: ClvWidgetMenu) => el.shadowRoot!;
const button = (el: ClvWidgetMenu) => root(el).querySelector<HTMLButtonElement>('[part=menu-button]')!;
const menuEl = (el: ClvWidgetMenu) => root(el).querySelector<HTMLElement>('[role=menu]')!;
const items = (el: ClvWidgetMenu) => [...root(el).querySelectorAll<HTMLElement>('[role=menuitem]')];
const item = (el: ClvWidgetMenu, id: string) => root(el).querySelector<HTMLElement>(`[role=menuitem][data-id=${id}]`)!;
const focused = (el: ClvWidgetMenu) => root(el).activeElement as HTMLElement | null;
const focusedId = (el: ClvWidgetMenu) => focused(el)?.dataset.id;
const dialog = (el: ClvWidgetMenu) => root(el).querySelector('dialog')!;
const isOpen = (el: ClvWidgetMenu) => menuEl(el).matches(':popover-open');

async function press(el: ClvWidgetMenu, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

async function openWithKeyboard(el: ClvWidgetMenu): Promise<void> {
  button(el).focus();
  await press(el, 'Enter');
  expect(isOpen(el)).to.equal(true);
}

async function choose(el: ClvWidgetMenu, id: string): Promise<void> {
  if (!el.open) await openWithKeyboard(el);
  item(el, id).click();
  await el.updateComplete;
}

describe('<clv-widget-menu>', () => {
  describe('keyboard and pointer', () => {
    it('opens with Enter on the first item; arrows, Home and End move; Escape closes and returns focus', async () => {
      const { el } = await menu();
      const btn = button(el);
      expect(btn.getAttribute('aria-haspopup')).to.equal('menu');
      expect(btn.getAttribute('aria-expanded')).to.equal('false');
      expect(btn.getAttribute('aria-label')).to.equal('Actions for Revenue by tier');
      expect(isOpen(el)).to.equal(false);

      await openWithKeyboard(el);
      expect(btn.getAttribute('aria-expanded')).to.equal('true');
      expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['View data', 'View SQL', 'Download CSV', 'Download spec + data (JSON)']);
      expect(focusedId(el)).to.equal('view-data');
      await press(el, 'ArrowDown');
      expect(focusedId(el)).to.equal('view-provenance');
      await press(el, 'End');
      expect(focusedId(el)).to.equal('snapshot');
      await press(el, 'ArrowDown'); // wraps
      expect(focusedId(el)).to.equal('view-data');
      await press(el, 'ArrowUp'); // wraps back
      expect(focusedId(el)).to.equal('snapshot');
      await press(el, 'Home');
      expect(focusedId(el)).to.equal('view-data');
      await press(el, 'd'); // typeahead: the next item starting with "d"
      expect(focusedId(el)).to.equal('csv');
      await expect(el).to.be.accessible();

      await press(el, 'Escape');
      expect(isOpen(el)).to.equal(false);
      expect(btn.getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(btn);
    });

    it('opens with Space and ArrowDown on the first item, ArrowUp on the last', async () => {
      const { el } = await menu();
      button(el).focus();
      await press(el, 'Space');
      expect(isOpen(el)).to.equal(true);
      expect(focusedId(el)).to.equal('view-data');
      await press(el, 'Escape');
      await press(el, 'ArrowDown');
      expect(isOpen(el)).to.equal(true);
      expect(focusedId(el)).to.equal('view-data');
      await press(el, 'Escape');
      await press(el, 'ArrowUp');
      expect(focusedId(el)).to.equal('snapshot');
    });

    it('closes on Tab, moving on to the next control', async () => {
      const { el, after } = await menu();
      await openWithKeyboard(el);
      await press(el, 'Tab');
      expect(isOpen(el)).to.equal(false);
      expect(document.activeElement).to.equal(after);
    });

    it('opens on click below its button, and closes on a click outside', async () => {
      const { el, after } = await menu();
      button(el).click();
      await el.updateComplete;
      expect(isOpen(el)).to.equal(true);
      const b = button(el).getBoundingClientRect();
      const m = menuEl(el).getBoundingClientRect();
      expect(m.top).to.be.greaterThan(b.bottom - 1);
      expect(Math.round(m.right)).to.equal(Math.round(b.right));
      const box = after.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 5), Math.round(box.top + 5)] });
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      // a second click on the button toggles it shut
      button(el).click();
      await el.updateComplete;
      button(el).click();
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
    });

    it('disables what needs data, with the reason, and offers PNG and SVG only with a chart', async () => {
      const { el, files } = await menu(source({ result: undefined, provenance: undefined }));
      await openWithKeyboard(el);
      const disabled = items(el).filter((i) => i.getAttribute('aria-disabled') === 'true');
      expect(disabled.map((i) => i.dataset.id)).to.deep.equal(['view-data', 'view-provenance', 'csv', 'snapshot']);
      expect(item(el, 'view-data').querySelector('.item__reason')!.textContent).to.equal('No data yet');
      expect(item(el, 'view-provenance').textContent).to.contain('No query has run yet');
      expect(item(el, 'png')).to.equal(null);
      // a disabled item does nothing and keeps the menu open
      item(el, 'csv').click();
      await el.updateComplete;
      expect(isOpen(el)).to.equal(true);
      expect(files.length).to.equal(0);
      expect(dialog(el).open).to.equal(false);
      await expect(el).to.be.accessible();

      const noSpec = await menu(source({ effectiveSpec: undefined }));
      await openWithKeyboard(noSpec.el);
      expect(item(noSpec.el, 'snapshot').textContent).to.contain('The widget spec is not valid');
      expect(item(noSpec.el, 'csv').getAttribute('aria-disabled')).to.equal('false');
    });

    it('reads the source when it opens', async () => {
      const src = { ...source({ result: undefined }) };
      const { el } = await menu(src);
      await openWithKeyboard(el);
      expect(item(el, 'view-data').getAttribute('aria-disabled')).to.equal('true');
      await press(el, 'Escape');
      src.result = result;
      await openWithKeyboard(el);
      expect(item(el, 'view-data').getAttribute('aria-disabled')).to.equal('false');
    });
  });

  describe('view data', () => {
    it('opens the data in a modal dialog; Escape closes it and focus returns to the menu button', async () => {
      const real = await memoryAdapter().query(revenueByTier);
      const { el } = await menu(source({ result: real, provenance: real.provenance }));
      await openWithKeyboard(el);
      await press(el, 'Enter'); // "View data" is focused
      expect(isOpen(el)).to.equal(false);
      const d = dialog(el);
      expect(d.open).to.equal(true);
      expect(d.matches(':modal')).to.equal(true);
      expect(root(el).getElementById('dialog-title')!.textContent).to.equal('Data: Revenue by tier');
      const viewer = d.querySelector<ClvDataViewer>('clv-data-viewer')!;
      await viewer.updateComplete;
      expect(viewer.result).to.equal(real);
      const tiers = [...viewer.shadowRoot!.querySelectorAll('tbody tr td:first-child')].map((c) => c.textContent!.trim());
      expect(tiers).to.have.members(['Bronze', 'Silver', 'Gold']);
      expect(focused(el)).to.equal(d.querySelector('[data-action=close]'));
      await expect(el).to.be.accessible();

      // Tab goes on through the dialog's content: Close, the viewer's scroll region, its sort buttons
      await press(el, 'Tab');
      expect(viewer.shadowRoot!.activeElement?.getAttribute('part')).to.equal('region');
      await press(el, 'Tab');
      expect(viewer.shadowRoot!.activeElement?.getAttribute('data-column')).to.equal('customers.loyalty_tier');
      // the page behind is inert
      expect(document.querySelector('#after')!.matches(':focus')).to.equal(false);

      await press(el, 'Escape');
      expect(d.open).to.equal(false);
      expect(focused(el)).to.equal(button(el));
      expect(d.querySelector('clv-data-viewer')).to.equal(null);
    });

    it('shows a big number’s comparison under its data; Close closes', async () => {
      const comparison: ResultSet = { ...result, rows: [{ 'customers.loyalty_tier': 'All', 'transactions.revenue': 10 }] };
      const { el } = await menu(source({ comparison }));
      await choose(el, 'view-data');
      const viewers = dialog(el).querySelectorAll('clv-data-viewer');
      expect(viewers.length).to.equal(2);
      expect(viewers[1]!.getAttribute('label')).to.equal('Revenue by tier (comparison)');
      dialog(el).querySelector<HTMLButtonElement>('[data-action=close]')!.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(focused(el)).to.equal(button(el));
    });
  });

  describe('view SQL / request / plan', () => {
    let original: Clipboard['writeText'];
    let copied: string[];
    beforeEach(() => {
      copied = [];
      original = navigator.clipboard.writeText;
    });
    afterEach(() => {
      navigator.clipboard.writeText = original;
    });

    it('shows the SQL and its bound values, and copies them', async () => {
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
      const { el } = await menu();
      await choose(el, 'view-provenance');
      const d = dialog(el);
      expect(d.open).to.equal(true);
      expect(root(el).getElementById('dialog-title')!.textContent).to.equal('SQL: Revenue by tier');
      expect(d.querySelector('pre')!.textContent).to.equal(sqlProvenance.sql);
      expect([...d.querySelectorAll('[part=params] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        "Parameter 1 = '2024-01-01'",
        "Parameter 2 = 'O''Neil'",
      ]);
      await expect(el).to.be.accessible();
      d.querySelector<HTMLButtonElement>('[data-action=copy]')!.click();
      await waitUntil(() => d.querySelector('[role=status]')!.textContent === 'Copied to the clipboard.');
      expect(copied).to.deep.equal([`${sqlProvenance.sql}\n-- parameter 1 = '2024-01-01'\n-- parameter 2 = 'O''Neil'`]);
      await press(el, 'Escape');
      expect(focused(el)).to.equal(button(el));
    });

    it('says so when copying fails', async () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      const { el } = await menu(source({ provenance: { kind: 'memory', plan: 'scan transactions\n  join customers\n  group by loyalty_tier' } }));
      await openWithKeyboard(el);
      expect(item(el, 'view-provenance').textContent!.trim()).to.equal('View query plan');
      await choose(el, 'view-provenance');
      const d = dialog(el);
      expect(root(el).getElementById('dialog-title')!.textContent).to.equal('Query plan: Revenue by tier');
      expect(d.querySelector('pre')!.textContent).to.equal('scan transactions\n  join customers\n  group by loyalty_tier');
      d.querySelector<HTMLButtonElement>('[data-action=copy]')!.click();
      const status = d.querySelector('[role=status]')!;
      await waitUntil(() => status.textContent !== '');
      expect(status.textContent).to.equal('Could not copy: Write permission denied. Select the text and copy it instead.');
    });

    it('shows an HTTP request: method, URL and JSON body', async () => {
      const body = { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] };
      const { el } = await menu(source({ provenance: { kind: 'request', method: 'POST', url: 'https://api.example.com/clv/query', body } }));
      await openWithKeyboard(el);
      expect(item(el, 'view-provenance').textContent!.trim()).to.equal('View request');
      await choose(el, 'view-provenance');
      const d = dialog(el);
      expect(root(el).getElementById('dialog-title')!.textContent).to.equal('Request: Revenue by tier');
      expect(d.querySelector('[part=request-line]')!.textContent).to.equal('POST https://api.example.com/clv/query');
      expect(JSON.parse(d.querySelector('pre')!.textContent!)).to.deep.equal(body);
      await expect(el).to.be.accessible();
    });
  });

  describe('downloads', () => {
    it('downloads every row as CSV through the CSV writer', async () => {
      const { el, files } = await menu(source(), 'Revenue by tier (€, 2024)');
      await openWithKeyboard(el);
      const exported = oneEvent(el, 'clv-widget-export');
      item(el, 'csv').click();
      const event = (await exported) as CustomEvent<WidgetExportDetail>;
      expect(event.detail).to.deep.equal({ kind: 'csv', fileName: 'revenue-by-tier-2024.csv' });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(files.length).to.equal(1);
      expect(files[0]!.type).to.equal('text/csv;charset=utf-8');
      expect(files[0]!.content).to.equal(
        ['Loyalty tier,Revenue', '"Gold, plus",1200.5', `"'=HYPERLINK(""http://x.example"")",-3`, ',7', ''].join('\r\n'),
      );
      expect(focused(el)).to.equal(button(el));
    });

    it('downloads the chart as PNG and SVG from the vega view', async () => {
      const view = await realView();
      const { el, files } = await menu(source({ view }));
      await openWithKeyboard(el);
      expect(items(el).map((i) => i.dataset.id)).to.deep.equal(['view-data', 'view-provenance', 'csv', 'png', 'svg', 'snapshot']);
      let exported = oneEvent(el, 'clv-widget-export');
      item(el, 'png').click();
      expect(((await exported) as CustomEvent<WidgetExportDetail>).detail).to.deep.equal({ kind: 'png', fileName: 'revenue-by-tier.png' });
      await openWithKeyboard(el);
      exported = oneEvent(el, 'clv-widget-export');
      item(el, 'svg').click();
      expect(((await exported) as CustomEvent<WidgetExportDetail>).detail).to.deep.equal({ kind: 'svg', fileName: 'revenue-by-tier.svg' });
      const [png, svg] = files;
      expect(png!.encoding).to.equal('data-url');
      expect(png!.content.startsWith('data:image/png;base64,')).to.equal(true);
      expect(svg!.content.startsWith('<svg')).to.equal(true);
      expect(svg!.content).to.contain('Silver');
      // the PNG is drawn at twice the size of the SVG
      const svgWidth = Number(/^<svg[^>]* width="(\d+)"/.exec(svg!.content)![1]);
      const image = new Image();
      image.src = png!.content;
      await image.decode();
      expect(image.naturalWidth).to.equal(svgWidth * 2);
    });

    it('downloads the spec and its data as a snapshot that parses back', async () => {
      const comparison: ResultSet = { ...result, rows: [{ 'customers.loyalty_tier': 'All', 'transactions.revenue': 10 }] };
      const { el, files } = await menu(source({ comparison }));
      await openWithKeyboard(el);
      const exported = oneEvent(el, 'clv-widget-export');
      await press(el, 'End');
      await press(el, 'Enter');
      expect(((await exported) as CustomEvent<WidgetExportDetail>).detail).to.deep.equal({ kind: 'snapshot', fileName: 'revenue-by-tier.clv-widget.json' });
      const file = files[0]!;
      expect(file.type).to.equal('application/json');
      expect(file.content).to.match(/^\{\n {2}"format": "clv-kit\/widget-snapshot",\n/);
      const parsed = parseWidgetSnapshot(file.content);
      if (!parsed.success) throw new Error(parsed.message);
      expect(parsed.snapshot.spec).to.deep.equal(spec);
      expect(parsed.snapshot.result).to.deep.equal(result);
      expect(parsed.snapshot.comparison).to.deep.equal(comparison);
    });

    it('shows a failed download in a dialog and fires no event', async () => {
      const { el } = await menu();
      el.download = () => {
        throw new Error('disk full');
      };
      let events = 0;
      el.addEventListener('clv-widget-export', () => events++);
      await choose(el, 'csv');
      await waitUntil(() => dialog(el).open);
      expect(root(el).getElementById('dialog-title')!.textContent).to.equal('Could not download the CSV file');
      expect(dialog(el).querySelector('[role=alert]')!.textContent).to.equal('Disk full');
      expect(events).to.equal(0);
      await expect(el).to.be.accessible();
      await press(el, 'Escape');
      expect(focused(el)).to.equal(button(el));
    });

    it('by default hands the file to the browser through a download link', async () => {
      const el = await fixture<ClvWidgetMenu>(html`<clv-widget-menu .source=${source()} label="Revenue by tier"></clv-widget-menu>`);
      expect(el.download).to.be.a('function');
      const links: { name: string; href: string }[] = [];
      const onClick = (event: MouseEvent) => {
        const link = event.target as HTMLAnchorElement;
        if (link.tagName !== 'A' || !link.download) return;
        event.preventDefault(); // no real download in the test browser
        links.push({ name: link.download, href: link.href });
      };
      document.addEventListener('click', onClick, true);
      try {
        await choose(el, 'csv');
        await waitUntil(() => links.length === 1);
      } finally {
        document.removeEventListener('click', onClick, true);
      }
      expect(links[0]!.name).to.equal('revenue-by-tier.csv');
      expect(links[0]!.href.startsWith('blob:')).to.equal(true);
      const text = await (await fetch(links[0]!.href)).text();
      expect(text.split('\r\n')[0]).to.equal('Loyalty tier,Revenue');
    });
  });
});
