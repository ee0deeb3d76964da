import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/load-progress/define.js';
import type { ClvLoadProgress } from '../../components/load-progress/load-progress.js';

const part = (el: ClvLoadProgress, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`)!;

describe('<clv-load-progress>', () => {
  it('shows determinate progress as a progressbar with value, range and text', async () => {
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress
      label="Generating data"
      .progress=${{ phase: 'customers', done: 5000, total: 20000 }}
      .phaseLabels=${{ customers: 'Generating customers' }}
    ></clv-load-progress>`);
    const bar = part(el, 'track');
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('20000');
    expect(bar.getAttribute('aria-valuenow')).to.equal('5000');
    expect(bar.getAttribute('aria-valuetext')).to.equal('Generating customers · 5,000 of 20,000 · 25%');
    expect(part(el, 'status').textContent).to.equal('Generating customers · 5,000 of 20,000 · 25%');
    expect(part(el, 'indicator').style.width).to.equal('25%');
    expect(el.fraction).to.equal(0.25);
    // The bar is named by the label.
    expect(el.shadowRoot!.getElementById(bar.getAttribute('aria-labelledby')!)!.textContent).to.equal('Generating data');
    await expect(el).to.be.accessible();
  });

  it('updates as progress arrives and announces phase changes, not every count', async () => {
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress label="Loading" .progress=${{ phase: 'load', done: 0, total: 100 }}></clv-load-progress>`);
    const live = () => el.shadowRoot!.querySelector('[role=status]')!.textContent;
    expect(live()).to.equal('Loading: Load.');
    el.progress = { phase: 'load', done: 60, total: 100 };
    await el.updateComplete;
    expect(part(el, 'track').getAttribute('aria-valuenow')).to.equal('60');
    expect(live()).to.equal('Loading: Load.');
    el.progress = { phase: 'index-build', done: 1, total: 4 };
    await el.updateComplete;
    expect(live()).to.equal('Loading: Index build.');
    expect(part(el, 'status').textContent).to.equal('Index build · 1 of 4 · 25%');
  });

  it('is indeterminate without a total (the empty state)', async () => {
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress label="Starting DuckDB"></clv-load-progress>`);
    const bar = part(el, 'track');
    expect(el.determinate).to.equal(false);
    expect(bar.hasAttribute('aria-valuenow')).to.equal(false);
    expect(bar.hasAttribute('aria-valuemax')).to.equal(false);
    expect(part(el, 'base').classList.contains('base--indeterminate')).to.equal(true);
    await expect(el).to.be.accessible();

    el.progress = { phase: 'download', done: 1_500_000, total: 0 };
    await el.updateComplete;
    expect(bar.hasAttribute('aria-valuenow')).to.equal(false);
    expect(part(el, 'status').textContent).to.equal('Download · 1,500,000');
  });

  it('shows the done state with a full bar and an optional note', async () => {
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress
      label="Loading"
      state="done"
      message="20,000 customers and 182,345 transactions loaded."
      .progress=${{ phase: 'load', done: 90, total: 100 }}
    ></clv-load-progress>`);
    expect(part(el, 'track').getAttribute('aria-valuenow')).to.equal('100');
    expect(part(el, 'indicator').style.width).to.equal('100%');
    expect(part(el, 'status').textContent).to.equal('Done');
    expect(part(el, 'message').textContent).to.equal('20,000 customers and 182,345 transactions loaded.');
    await expect(el).to.be.accessible();
  });

  it('shows the error state with the message, and its actions work from the keyboard', async () => {
    let retried = 0;
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress
      label="Starting DuckDB"
      state="error"
      message="The DuckDB module could not be downloaded (HTTP 404)."
      .progress=${{ phase: 'download', done: 10, total: 40 }}
    >
      <button slot="actions" @click=${() => retried++}>Try again</button>
    </clv-load-progress>`);
    const error = part(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-message').textContent).to.equal('The DuckDB module could not be downloaded (HTTP 404).');
    expect(part(el, 'status').textContent).to.equal('Stopped · Download · 10 of 40 · 25%');
    await expect(el).to.be.accessible();
    const button = el.querySelector('button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(retried).to.equal(2);
  });

  it('falls back to loading for an unknown state and clamps overshooting counts', async () => {
    const el = await fixture<ClvLoadProgress>(html`<clv-load-progress state="bogus" .progress=${{ phase: 'load', done: 130, total: 100 }}></clv-load-progress>`);
    expect(el.state).to.equal('loading');
    expect(part(el, 'track').getAttribute('aria-valuenow')).to.equal('100');
    expect(part(el, 'status').textContent).to.equal('Load · 100 of 100 · 100%');
  });
});
