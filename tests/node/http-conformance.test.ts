// The conformance corpus through HttpAdapter → msw/node → mock handlers → MemoryAdapter(fixture):
// the Node twin of tests/http-conformance.test.ts, quick to run while changing the REST layer.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceCases, conformanceData, conformanceModel, formatReport, runConformance } from '../../src/conformance/index.js';
import { HttpAdapter } from '../../src/engines/http/index.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { createMockHandlers } from '../../mocks/index.js';
import { startMockServer } from '../../mocks/node.js';

const BASE = 'http://clv.test/api';
const server = startMockServer(createMockHandlers({ adapter: new MemoryAdapter(conformanceModel, conformanceData), baseUrl: BASE, latency: false }));
after(() => server.close());

test('HttpAdapter over the mock backend passes every conformance case', async () => {
  const report = await runConformance(await HttpAdapter.connect({ baseUrl: BASE }));
  assert.equal(report.failed, 0, formatReport(report));
  assert.equal(report.passed, conformanceCases.length + 1);
});
