import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/file-import/define.js';
import type { ClvFileImport } from '../components/file-import/file-import.js';
import type { ColumnarData, LoadColumn, LoadOptions, TableLoader } from '../src/contracts/loader.js';
import { emptyMemoryAdapter } from './support/adapters.js';
import { file, LINES_CSV, ORDERS_CSV } from './support/files.js';

/** A loader that reports its first progress and then never finishes: the importing step. */
class StuckLoader implements TableLoader {
  loadColumns(_table: string, _columns: LoadColumn[], data: ColumnarData, options: LoadOptions): Promise<{ rows: number }> {
    const total = data.customer_id.length;
    options.onProgress?.({ phase: 'load', done: Math.round(total * 0.4), total });
    return new Promise((_resolve, reject) => options.signal?.addEventListener('abort', () => reject(options.signal!.reason)));
  }
}

/** A loader that fails, as an engine out of memory would. */
const failingLoader: TableLoader = {
  loadColumns: () => Promise.reject(new globalThis.Error('DuckDB ran out of memory while loading "transactions" (limit 2.0 GiB).')),
};

interface ImportArgs {
  loader: TableLoader | undefined;
}

const element = (canvas: HTMLElement) => canvas.querySelector<ClvFileImport>('clv-file-import')!;

const meta: Meta<ImportArgs> = {
  title: 'Components/File import',
  component: 'clv-file-import',
  render: (args) => html`<div style="max-width: 56rem">
    <clv-file-import .loader=${args.loader} @clv-import-complete=${(e: CustomEvent) => console.info('clv-import-complete', e.detail)}></clv-file-import>
  </div>`,
  args: { loader: emptyMemoryAdapter() },
  argTypes: { loader: { control: false } },
};
export default meta;

type Story = StoryObj<ImportArgs>;

/** Step 1: the file picker and drop zone. */
export const Pick: Story = {};

/** Step 2: detected layout and types, the proposed mapping and a preview. */
export const Mapping: Story = {
  play: async ({ canvasElement }) => {
    await element(canvasElement).selectFile(file(ORDERS_CSV, 'orders-2024.csv'));
  },
};

/** Step 2 for line-level data: day-first dates, decimal commas, amount = price × quantity. */
export const MappingPriceTimesQuantity: Story = {
  name: 'Mapping (price × quantity)',
  play: async ({ canvasElement }) => {
    await element(canvasElement).selectFile(file(LINES_CSV, 'order-lines.csv'));
  },
};

/** Step 3: loading into the engine. */
export const Importing: Story = {
  args: { loader: new StuckLoader() },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.selectFile(file(ORDERS_CSV, 'orders-2024.csv'));
    void el.startImport();
  },
};

/** Step 4: rows imported, rows rejected by reason, and the rejected rows as CSV. */
export const Summary: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.selectFile(file(ORDERS_CSV, 'orders-2024.csv'));
    await el.startImport();
  },
};

/** A file that cannot be read. */
export const ReadError: Story = {
  name: 'Error (unreadable file)',
  play: async ({ canvasElement }) => {
    await element(canvasElement).selectFile(file('', 'empty.csv'));
  },
};

/** The engine fails while loading: back to the mapping with the message. */
export const LoadError: Story = {
  name: 'Error (loading failed)',
  args: { loader: failingLoader },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.selectFile(file(ORDERS_CSV, 'orders-2024.csv'));
    await el.startImport();
  },
};
