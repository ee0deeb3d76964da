import { html, nothing, type TemplateResult } from 'lit';
import type { ResultColumn, ResultSet } from '../../src/contracts/result.js';
import type { WidgetSpec } from '../../src/widgets/spec.js';
import { formatNumber } from '../shared/format.js';
import { fieldLabel, type ValueFormatter } from './widget-format.js';

/** A big number's change against its comparison. */
export interface BigNumberDelta {
  /** The change: relative (0.25 = +25 %) or absolute, as properties.bigNumber.deltaKind says. */
  value: number;
  text: string;
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is good news (higherIsBetter), bad news, or neither (no change). */
  tone: 'good' | 'bad' | 'neutral';
}

export interface BigNumberModel {
  column: ResultColumn;
  label: string;
  value: string;
  comparison?: { label: string; value: string; delta?: BigNumberDelta; note?: string };
}

/** The numeric value of the first row's field, or undefined for a missing or non-numeric one. */
function numberOf(result: ResultSet | undefined, field: string): number | undefined {
  const v = result?.rows[0]?.[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The change from `reference` to `current` as the spec wants it shown; undefined when it cannot be computed (relative to 0). */
export function computeDelta(spec: WidgetSpec, current: number, reference: number): BigNumberDelta | undefined {
  const props = spec.properties.bigNumber;
  const kind = props?.deltaKind ?? 'relative';
  const higherIsBetter = props?.higherIsBetter ?? true;
  const format = props?.deltaFormat ?? '+.1%';
  if (kind === 'relative' && reference === 0) return undefined;
  const value = kind === 'relative' ? (current - reference) / Math.abs(reference) : current - reference;
  const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' ? 'neutral' : (direction === 'up') === higherIsBetter ? 'good' : 'bad';
  return { value, text: formatNumber(value, format), direction, tone };
}

/** What a big number shows: the value of encodings.y in the first row and, with a comparison, the reference value and the change. */
export function bigNumberModel(spec: WidgetSpec, result: ResultSet, comparison: ResultSet | undefined, format: ValueFormatter): BigNumberModel {
  const field = spec.encodings.y!.field;
  const column = result.columns.find((c) => c.name === field)!;
  const model: BigNumberModel = { column, label: fieldLabel(spec, field, result.columns), value: format(result.rows[0]?.[field], column) };
  const c = spec.properties.bigNumber?.comparison;
  if (!c || !comparison) return model;
  const label = c.label ?? (c.kind === 'previous-period' ? 'previous period' : 'comparison');
  const current = numberOf(result, field);
  const reference = numberOf(comparison, field);
  const referenceColumn = comparison.columns.find((col) => col.name === field) ?? column;
  const shown = { label, value: format(comparison.rows[0]?.[field], referenceColumn) };
  if (current === undefined || reference === undefined) return { ...model, comparison: { ...shown, note: 'no change to show: a value is missing' } };
  const delta = computeDelta(spec, current, reference);
  return { ...model, comparison: delta ? { ...shown, delta } : { ...shown, note: 'no relative change from zero' } };
}

const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;
const WORDS = { up: 'up', down: 'down', flat: 'no change' } as const;
const TONES = { good: 'an improvement', bad: 'a decline' } as const;

type ComparisonModel = NonNullable<BigNumberModel['comparison']>;

/** The change with an arrow and words (colour alone never carries the meaning), and the reference value. */
function renderDelta(c: ComparisonModel): TemplateResult {
  if (!c.delta) return html`<p part="delta" class="delta delta--neutral"><span class="delta__text">${c.value} (${c.label}); ${c.note}</span></p>`;
  const { direction, tone, text } = c.delta;
  const news = tone === 'neutral' ? nothing : html`<span class="visually-hidden">, ${TONES[tone]}</span>`;
  return html`<p part="delta" class="delta delta--${tone}">
    <span class="delta__arrow" aria-hidden="true">${ARROWS[direction]}</span>
    <span class="delta__value">${text}</span>
    <span class="delta__text">${WORDS[direction]} from ${c.value} (${c.label})${news}</span>
  </p>`;
}

/** The big number: value, its label (unless the title already says it) and the change against the comparison. */
export function renderBigNumber(model: BigNumberModel, showLabel: boolean): TemplateResult {
  return html`<div part="big-number" class="big-number">
    <span part="value" class="big-number__value">${model.value}</span>
    ${showLabel ? html`<span class="big-number__label">${model.label}</span>` : nothing}
    ${model.comparison ? renderDelta(model.comparison) : nothing}
  </div>`;
}
