import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/widget-composer/define.js';
import type { ClvWidgetComposer, ComposerSource } from '../components/widget-composer/widget-composer.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { AdapterError } from '../src/contracts/errors.js';
import { catalogSpec } from '../src/widgets/catalog.js';
import { WidgetSpecSchema, type WidgetSpec } from '../src/widgets/spec.js';
import { memoryAdapter } from './support/adapters.js';
import { CATALOG_NOW, catalogAdapter, catalogSqlAdapter } from './support/catalog.js';
import { until } from './support/play.js';

// <clv-widget-composer> at each step of composing a widget and in its failure states. The data is
// the catalog's (the in-memory engine over 2,000 synthetic customers, 2023–2024; DuckDB-WASM for SQL
// mode); "now" is pinned to 2025-01-01 for relative date ranges.

interface ComposerArgs {
  /** The spec to edit; none composes a new widget. */
  spec: WidgetSpec | undefined;
  /** Width and height of the composer's box. */
  box: string;
}

type Loaded = { adapter?: DataAdapter; sources?: ComposerSource[] };

const BOX = 'display: block; width: 80rem; max-width: 100%';

const meta: Meta<ComposerArgs> = {
  title: 'Widgets/Widget composer',
  component: 'clv-widget-composer',
  argTypes: { spec: { control: 'object' }, box: { control: 'text' } },
  args: { spec: undefined, box: BOX },
  loaders: [async (): Promise<Loaded> => ({ adapter: catalogAdapter() })],
  render: (args, { loaded }) => html`<clv-widget-composer
    style=${args.box}
    .adapter=${(loaded as Loaded).adapter}
    .sources=${(loaded as Loaded).sources}
    .spec=${args.spec}
    now=${CATALOG_NOW}
    @clv-composer-save=${(e: CustomEvent) => console.info('clv-composer-save', e.detail)}
    @clv-composer-cancel=${() => console.info('clv-composer-cancel')}
  ></clv-widget-composer>`,
};
export default meta;

type Story = StoryObj<ComposerArgs>;

// ------------------------------------------------------------------ play helpers

/** The story's composer, once its model is loaded and the editor (or its failure) is on screen. */
async function readyComposer(canvas: HTMLElement): Promise<ClvWidgetComposer> {
  const el = canvas.querySelector('clv-widget-composer');
  if (!el) throw new Error('the story has no <clv-widget-composer>');
  await el.ready;
  return el;
}

/** An element in the shadow root of `host`, waited for (the parts render after the composer). */
async function inShadow<T extends HTMLElement>(host: Element, selector: string): Promise<T> {
  await until(() => host.shadowRoot?.querySelector(selector) != null, `${selector} in <${host.localName}>`);
  const found = host.shadowRoot!.querySelector<T>(selector)!;
  if ('updateComplete' in found) await (found as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return found;
}

/** Presses Run in the SQL editor and waits until it has an outcome (result columns, an error or an empty result). */
async function runSql(canvas: HTMLElement, outcome: string): Promise<void> {
  const composer = await readyComposer(canvas);
  const editor = await inShadow(composer, 'clv-composer-sql-editor');
  (await inShadow<HTMLButtonElement>(editor, 'button[part~=run-button]')).click();
  await until(() => editor.shadowRoot?.querySelector(outcome) != null, `${outcome} after Run`);
  await composer.updateComplete;
}

// ------------------------------------------------------------------ data

/** The small in-memory sales model, with `describe` in place of its own describe(). */
function describingAdapter(describe: DataAdapter['describe']): DataAdapter {
  const inner = memoryAdapter();
  return {
    id: 'warehouse https://warehouse.example.com',
    capabilities: inner.capabilities,
    describe,
    query: (query, options) => inner.query(query, options),
    sample: (table, options) => inner.sample(table, options),
  };
}

/** Revenue per channel for Gold and Platinum customers over the last 12 months: a date range and a values filter. */
const filteredSpec: WidgetSpec = WidgetSpecSchema.parse({
  version: 2,
  title: 'Revenue by channel, Gold and Platinum customers',
  description: 'The last 12 months.',
  data: {
    kind: 'semantic',
    query: {
      measures: ['transactions.revenue'],
      dimensions: ['transactions.channel'],
      timeDimensions: [{ dimension: 'transactions.ts', dateRange: 'last 12 months' }],
      filters: [{ member: 'customers.loyalty_tier', operator: 'in', values: ['Gold', 'Platinum'] }],
    },
  },
  mark: 'bar',
  encodings: {
    x: { field: 'transactions.channel', type: 'nominal', title: 'Channel' },
    y: { field: 'transactions.revenue', type: 'quantitative', format: '$,.0f' },
  },
});

/** A donut with a legend on the right, a legend title and a number format: the properties panel filled in. */
const propertiesSpec: WidgetSpec = WidgetSpecSchema.parse({
  ...catalogSpec('revenue-by-channel'),
  description: 'Share of all revenue, 2023–2024.',
  properties: { legend: { placement: 'right', title: 'Channel' }, numberFormat: '$,.0f' },
});

/** A query that names a column the table does not have: Run shows DuckDB's error. */
const sqlErrorSpec: WidgetSpec = WidgetSpecSchema.parse({
  version: 2,
  title: 'CLV by region',
  data: { kind: 'sql', sql: 'SELECT region, sum(clv) AS clv\nFROM customer_clv\nGROUP BY region', params: {} },
  mark: 'bar',
  encodings: { x: { field: 'region', type: 'nominal' }, y: { field: 'clv', type: 'quantitative' } },
});

/** A parameter no row matches (decile 11 of 10): Run returns no rows. */
const sqlEmptySpec: WidgetSpec = WidgetSpecSchema.parse({
  version: 2,
  title: 'Customers in one CLV decile',
  data: {
    kind: 'sql',
    sql: "SELECT clv_decile, count(*) AS customers\nFROM customer_clv\nWHERE clv_decile = CAST('$DECILE' AS INTEGER)\nGROUP BY clv_decile",
    params: { DECILE: '11' },
  },
  mark: 'bar',
  encodings: { x: { field: 'clv_decile', type: 'ordinal' }, y: { field: 'customers', type: 'quantitative' } },
});

// ------------------------------------------------------------------ steps

/** A new widget: the first step lists the catalog model's tables (fact, dimension, derived) with a preview of each. */
export const NewWidget: Story = {
  name: 'New widget – choose a table',
};

/** Several data models: the "Data model" choice above the table picker switches the adapter. */
export const SeveralDataModels: Story = {
  name: 'New widget – several data models',
  loaders: [
    async (): Promise<Loaded> => ({
      adapter: undefined,
      sources: [
        { id: 'catalog', label: 'CLV catalog (derived tables)', adapter: catalogAdapter() },
        { id: 'sales', label: 'Sales (customers and transactions)', adapter: memoryAdapter() },
      ],
    }),
  ],
};

/** CLV by decile opened for editing: the attribute rail, the mark, the shelves (X decile, Y total CLV), the preview and the properties. */
export const AttributesAndEncodings: Story = {
  name: 'Attributes and encodings',
  args: { spec: catalogSpec('clv-by-decile') },
};

/** A spec with a relative date range and a loyalty-tier filter; the play opens the filter dialog on the tier filter. */
export const Filters: Story = {
  args: { spec: filteredSpec },
  play: async ({ canvasElement }) => {
    const composer = await readyComposer(canvasElement);
    const shelves = await inShadow(composer, 'clv-composer-shelves');
    (await inShadow<HTMLButtonElement>(shelves, '[data-filter-index="1"] button[part~=edit-filter-button]')).click();
    const dialog = await inShadow(composer, 'clv-composer-filter-dialog');
    await until(() => dialog.shadowRoot?.querySelector('dialog[open]') != null, 'the filter dialog');
    await until(() => dialog.shadowRoot?.querySelector('[role=option][data-value]') != null, 'the loyalty tiers with their counts');
  },
};

/** The properties panel filled in: description, legend on the right with a title, a number format. */
export const Properties: Story = {
  args: { spec: propertiesSpec },
  play: async ({ canvasElement }) => {
    const composer = await readyComposer(canvasElement);
    (await inShadow(composer, 'clv-composer-properties')).scrollIntoView({ block: 'center' });
  },
};

/** SQL mode on DuckDB-WASM: a query with two '$NAME' parameters and their sample values, run; its columns feed the shelves. */
export const SqlMode: Story = {
  name: 'SQL mode',
  args: { spec: catalogSpec('decile-migration') },
  loaders: [async (): Promise<Loaded> => ({ adapter: await catalogSqlAdapter() })],
  play: async ({ canvasElement }) => runSql(canvasElement, '[part~=results]'),
};

/** SQL mode: the query names a column that does not exist; Run shows the database's error. */
export const SqlError: Story = {
  name: 'SQL error',
  args: { spec: sqlErrorSpec },
  loaders: [async (): Promise<Loaded> => ({ adapter: await catalogSqlAdapter() })],
  play: async ({ canvasElement }) => runSql(canvasElement, '[part~=error]'),
};

/** SQL mode: the sample value matches no row; Run says the result is empty. */
export const SqlEmptyResult: Story = {
  name: 'SQL empty result',
  args: { spec: sqlEmptySpec },
  loaders: [async (): Promise<Loaded> => ({ adapter: await catalogSqlAdapter() })],
  play: async ({ canvasElement }) => runSql(canvasElement, '[part~=empty]'),
};

// ------------------------------------------------------------------ states

/** The adapter cannot describe its model: the error names it, with Retry. */
export const AdapterDown: Story = {
  name: 'Adapter down',
  loaders: [
    async (): Promise<Loaded> => ({
      adapter: describingAdapter(() => Promise.reject(new AdapterError('backend', 'The warehouse connection was refused (ECONNREFUSED 10.0.4.12:5432).'))),
    }),
  ],
};

/** The model is loading: the adapter never answers. */
export const Loading: Story = {
  loaders: [async (): Promise<Loaded> => ({ adapter: describingAdapter(() => new Promise(() => {})) })],
};

/** A spec the editor cannot open (an unknown mark): the message names the field, and a new widget can be started instead. */
export const InvalidSpec: Story = {
  name: 'Invalid spec',
  args: { spec: { ...catalogSpec('clv-by-decile'), mark: 'sparkline' } as unknown as WidgetSpec },
};
