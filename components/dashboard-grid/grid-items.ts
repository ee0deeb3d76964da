import { z } from 'zod';
import type { LayoutItem } from '../../src/dashboards/layout.js';
import { LayoutSchema, type Layout } from '../../src/dashboards/spec.js';

/** One widget on the grid: its id (also the slot name of its content), where it sits, and its title. */
export interface GridItem {
  id: string;
  layout: Layout;
  /** The widget's title: the handles' accessible names and the announcements use it. */
  label: string;
}

const GridItemSchema = z.object({
  id: z.string().min(1, 'a widget needs an id'),
  layout: LayoutSchema,
  label: z.string(),
});

export interface ParsedGridItems {
  /** Items that can be placed, in the given order. */
  valid: GridItem[];
  /** Why the others were left out, naming the field ("items[2].layout.w: …"). */
  problems: string[];
}

/** Checks the items given to the grid; an item that fails is left out and reported, the rest are placed. */
export function parseGridItems(input: unknown): ParsedGridItems {
  if (!Array.isArray(input)) return { valid: [], problems: ['items: expected an array of widgets'] };
  const valid: GridItem[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  input.forEach((raw: unknown, i) => {
    const parsed = GridItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`items[${i}]${issue.path.map((p) => `.${String(p)}`).join('')}: ${issue.message}`);
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push(`items[${i}].id: "${parsed.data.id}" is used twice`);
      return;
    }
    seen.add(parsed.data.id);
    valid.push(parsed.data);
  });
  return { valid, problems };
}

/** Just ids and layouts (copies), as the layout functions take them. */
export function layoutsOf(items: readonly LayoutItem[]): LayoutItem[] {
  return items.map(({ id, layout }) => ({ id, layout: { ...layout } }));
}

export function sameLayouts(a: readonly LayoutItem[], b: readonly LayoutItem[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((item) => [item.id, item.layout]));
  return a.every(({ id, layout }) => {
    const other = byId.get(id);
    return !!other && other.x === layout.x && other.y === layout.y && other.w === layout.w && other.h === layout.h;
  });
}
