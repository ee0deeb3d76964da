// Browser-side check of the test toolchain: the shared data directory is served
// by the dev server, and TS helpers import through the esbuild plugin.
import { expect } from '@open-wc/testing';
import { dataInfo, dataUrl, fetchDataBytes, fetchDataText } from './support/data.js';

describe('toolchain: shared data in the browser', () => {
  it('reports the data directory', async () => {
    const info = await dataInfo();
    expect(info.exists, `data dir ${info.dir}`).to.equal(true);
  });

  it('serves text files with a text content-type', async () => {
    const res = await fetch(dataUrl('cdnow/SOURCE.md'));
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain/);
    expect(await res.text()).to.contain('CDNOW');
    const csv = await fetchDataText('cdnow/cdnow_customers_summary.csv');
    expect(csv.split('\n')[0]).to.contain(',');
  });

  it('streams .gz files as unmodified bytes', async () => {
    const res = await fetch(dataUrl('online-retail/online_retail_II_2009-2010.csv.gz'), { method: 'HEAD' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/octet-stream');
    const bytes = await fetchDataBytes('online-retail/online_retail_II_2009-2010.csv.gz');
    // gzip magic number
    expect([bytes[0], bytes[1]]).to.deep.equal([0x1f, 0x8b]);
    expect(bytes.length).to.be.greaterThan(1_000_000);
  });

  it('answers 404 with a text body for a missing file', async () => {
    const res = await fetch(dataUrl('cdnow/does-not-exist.csv'));
    expect(res.status).to.equal(404);
    expect(await res.text()).to.contain('not found');
  });

  it('serves the MSW worker from the site root', async () => {
    const res = await fetch('/mockServiceWorker.js');
    expect(res.status).to.equal(200);
    expect(await res.text()).to.contain('PACKAGE_VERSION');
  });
});
