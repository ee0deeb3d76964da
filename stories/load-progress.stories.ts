import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/load-progress/define.js';
import type { LoadState } from '../components/load-progress/load-progress.js';

interface ProgressArgs {
  label: string;
  state: LoadState;
  phase: string;
  done: number;
  total: number;
  message: string;
}

const meta: Meta<ProgressArgs> = {
  title: 'Components/Load progress',
  component: 'clv-load-progress',
  argTypes: {
    state: { control: 'inline-radio', options: ['loading', 'done', 'error'] },
    done: { control: { type: 'number', min: 0 } },
    total: { control: { type: 'number', min: 0 } },
  },
  args: { label: 'Generating synthetic data', state: 'loading', phase: 'customers', done: 7_400, total: 20_000, message: '' },
  render: (args) => html`<div style="max-width: 36rem">
    <clv-load-progress
      label=${args.label}
      state=${args.state}
      message=${args.message || nothing}
      .progress=${args.phase ? { phase: args.phase, done: args.done, total: args.total } : undefined}
      .phaseLabels=${{ customers: 'Generating customers', download: 'Downloading DuckDB', instantiate: 'Compiling the module', load: 'Loading rows' }}
    >
      <button slot="actions" type="button">Try again</button>
    </clv-load-progress>
  </div>`,
};
export default meta;

type Story = StoryObj<ProgressArgs>;

export const Determinate: Story = {};

export const Indeterminate: Story = {
  args: { label: 'Starting DuckDB', phase: 'instantiate', done: 0, total: 0 },
};

export const NotStarted: Story = {
  name: 'Indeterminate (no progress yet)',
  args: { label: 'Importing orders.csv', phase: '', done: 0, total: 0 },
};

export const Done: Story = {
  args: { label: 'Loading into DuckDB', state: 'done', phase: 'load', done: 182_345, total: 182_345, message: '20,000 customers and 182,345 transactions loaded in 3.2 s.' },
};

export const Error: Story = {
  args: {
    label: 'Starting DuckDB',
    state: 'error',
    phase: 'download',
    done: 12_500_000,
    total: 34_000_000,
    message: 'The DuckDB module could not be downloaded (HTTP 404 for duckdb-eh.wasm).',
  },
};

/** A run that fills the bar over a few seconds, then finishes. */
export const Animated: Story = {
  render: () => {
    const total = 20_000;
    const el = document.createElement('clv-load-progress');
    el.label = 'Generating synthetic data';
    el.phaseLabels = { customers: 'Generating customers', load: 'Loading rows' };
    let done = 0;
    const tick = () => {
      if (!el.isConnected && done > 0) return;
      done = Math.min(total, done + 500);
      el.progress = { phase: done < total / 2 ? 'customers' : 'load', done, total };
      if (done < total) setTimeout(tick, 120);
      else el.state = 'done';
    };
    tick();
    return el;
  },
};
