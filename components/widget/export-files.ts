import type { View } from 'vega';
import type { ResultSet } from '../../src/contracts/result.js';
import { slugify } from '../../src/text/slug.js';
import { resultToCsv } from '../../src/export/csv.js';
import { createWidgetSnapshot } from '../../src/widgets/snapshot.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { downloadText, downloadUrl } from '../shared/download.js';

/** The files a widget's menu offers. */
export type WidgetExportKind = 'csv' | 'png' | 'svg' | 'snapshot';

/** One file to download: its text, or for a PNG the image as a data: URL. */
export interface WidgetExportFile {
  kind: WidgetExportKind;
  fileName: string;
  /** MIME type. */
  type: string;
  /** The file's text (CSV, SVG, JSON), or a data: URL (PNG). */
  content: string;
  encoding: 'text' | 'data-url';
}

/** Scale of the PNG relative to the chart on screen: sharp on high-density screens and in slides. */
export const PNG_SCALE = 2;

/** A file name from a widget title: "Revenue by tier (EUR)" → "revenue-by-tier-eur"; "widget" when nothing is left. */
export function fileBaseName(title: string): string {
  return slugify(title, { maxLength: 80, fallback: 'widget' });
}

export function csvFile(result: ResultSet, title: string): WidgetExportFile {
  return { kind: 'csv', fileName: `${fileBaseName(title)}.csv`, type: 'text/csv;charset=utf-8', content: resultToCsv(result), encoding: 'text' };
}

export async function pngFile(view: View, title: string): Promise<WidgetExportFile> {
  const content = await view.toImageURL('png', PNG_SCALE);
  return { kind: 'png', fileName: `${fileBaseName(title)}.png`, type: 'image/png', content, encoding: 'data-url' };
}

export async function svgFile(view: View, title: string): Promise<WidgetExportFile> {
  const content = await view.toSVG();
  return { kind: 'svg', fileName: `${fileBaseName(title)}.svg`, type: 'image/svg+xml;charset=utf-8', content, encoding: 'text' };
}

export function snapshotFile(spec: WidgetSpec, result: ResultSet, comparison: ResultSet | undefined, title: string, now = new Date()): WidgetExportFile {
  const content = `${JSON.stringify(createWidgetSnapshot(spec, result, comparison, now), null, 2)}\n`;
  return { kind: 'snapshot', fileName: `${fileBaseName(title)}.clv-widget.json`, type: 'application/json', content, encoding: 'text' };
}

/** Hands a file to the browser as a download. */
export function saveExportFile(file: WidgetExportFile): void {
  if (file.encoding === 'data-url') downloadUrl(file.content, file.fileName);
  else downloadText(file.content, file.fileName, file.type);
}
