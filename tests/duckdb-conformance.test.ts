// The conformance corpus against DuckDB-WASM: the fixture is bulk-loaded through loadColumns,
// then every case (and the sample check) must pass; failures are listed by case name.
import { expect } from '@open-wc/testing';
import { conformanceCases, conformanceData, conformanceModel, formatReport, loadConformanceData, runConformance } from '../src/conformance/index.js';
import { createDuckDbAdapter } from '../src/engines/duckdb/index.js';

const dist = new URL('/node_modules/@duckdb/duckdb-wasm/dist/', location.origin).href;
const bundle = { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-browser-eh.worker.js` };

describe('DuckDbAdapter conformance', () => {
  it('passes every case', async () => {
    const adapter = createDuckDbAdapter({ bundle, model: conformanceModel });
    const counts = await loadConformanceData(adapter);
    expect(counts.orders).to.equal(conformanceData.orders!.order_id!.length);
    const report = await runConformance(adapter);
    console.log(formatReport(report));
    expect(report.failed, formatReport(report)).to.equal(0);
    expect(report.passed, 'every corpus case plus the sample check ran').to.equal(conformanceCases.length + 1);
  });
});
