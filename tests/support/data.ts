// Browser-test helpers for the shared data directory, served by
// scripts/wtr-data-middleware.mjs at /__data/<path> (CLV_DATA_DIR, default ../shared/data).

export interface DataInfo {
  dir: string;
  exists: boolean;
}

/** URL of a file in the shared data directory, e.g. dataUrl('cdnow/CDNOW_sample.txt'). */
export function dataUrl(relPath: string): string {
  return new URL(`/__data/${relPath.replace(/^\/+/, '')}`, location.origin).href;
}

export async function dataInfo(): Promise<DataInfo> {
  const res = await fetch('/__data-info');
  if (!res.ok) throw new Error(`/__data-info: HTTP ${res.status}`);
  return (await res.json()) as DataInfo;
}

async function fetchData(relPath: string): Promise<Response> {
  const res = await fetch(dataUrl(relPath));
  if (!res.ok) throw new Error(`${relPath}: HTTP ${res.status}: ${await res.text()}`);
  return res;
}

export async function fetchDataText(relPath: string): Promise<string> {
  return (await fetchData(relPath)).text();
}

export async function fetchDataBytes(relPath: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchData(relPath)).arrayBuffer());
}
