// The conformance corpus through the whole REST path in Chromium:
// HttpAdapter → fetch → MSW service worker → mock handlers → MemoryAdapter(conformance fixture).
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { conformanceCases, conformanceData, conformanceModel, formatReport, runConformance } from '../src/conformance/index.js';
import { HttpAdapter } from '../src/engines/http/index.js';
import { MemoryAdapter } from '../src/engines/memory/index.js';
import { createMockHandlers } from '../mocks/index.js';
import { startMockWorker } from '../mocks/browser.js';

describe('HttpAdapter conformance over the MSW mock backend', () => {
  let worker: SetupWorker;

  before(async () => {
    const memory = new MemoryAdapter(conformanceModel, conformanceData);
    worker = await startMockWorker(createMockHandlers({ adapter: memory, baseUrl: '/api', latency: false }));
  });

  after(() => worker.stop());

  it('passes every case', async () => {
    const api = await HttpAdapter.connect({ baseUrl: '/api' });
    const report = await runConformance(api);
    console.log(formatReport(report).split('\n')[0]);
    expect(report.failed, formatReport(report)).to.equal(0);
    // every corpus case plus the sample check ran
    expect(report.passed).to.equal(conformanceCases.length + 1);
  });
});
