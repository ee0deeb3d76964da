import { ENCODING_CHANNELS, markChannels, type WidgetMark } from '../widgets/spec.js';
import { dropUnused } from './fields.js';
import { encodingKey, type ComposerEncoding, type ComposerEncodings, type ComposerState } from './state.js';

/**
 * Changing the mark keeps what the new mark can use. Between x/y charts every channel the new mark
 * allows stays. A donut takes the value (the quantitative one of y and x) as its angle and the
 * category (color, else the other of x and y) as its color; back to an x/y chart the color becomes x
 * and the angle y. A big number keeps the value as y. A table shows the query's fields as columns,
 * so it drops the channels but keeps the fields. Fields only a dropped channel used leave the query,
 * and bigNumber or table properties go with their mark.
 */

const isValue = (e: ComposerEncoding | undefined): e is ComposerEncoding => e?.type === 'quantitative';

function carried(from: WidgetMark, to: WidgetMark, enc: ComposerEncodings): ComposerEncodings {
  if (to === 'table') return {};
  if (to === 'donut') {
    const theta = [enc.theta, enc.y, enc.x].find(isValue) ?? enc.theta;
    const color = enc.color ?? [enc.x, enc.y].find((e) => e !== undefined && e !== theta);
    return { ...(theta ? { theta } : {}), ...(color ? { color } : {}) };
  }
  if (to === 'big-number') {
    const y = [enc.y, enc.theta, enc.x].find(isValue) ?? enc.y;
    return y ? { y } : {};
  }
  // An x/y chart.
  if (from === 'donut') {
    const out: ComposerEncodings = {};
    if (enc.color) out.x = enc.color;
    if (enc.theta) out.y = enc.theta;
    return out;
  }
  const allowed = new Set(markChannels(to));
  return Object.fromEntries(ENCODING_CHANNELS.filter((c) => enc[c] && allowed.has(c)).map((c) => [c, enc[c]]));
}

export function changeMark(state: ComposerState, to: WidgetMark): ComposerState {
  if (to === state.mark) return state;
  const encodings = carried(state.mark, to, state.encodings);
  const kept = new Set(Object.values(encodings));
  const dropped = ENCODING_CHANNELS.flatMap((c) => {
    const e = state.encodings[c];
    return e && !kept.has(e) ? [encodingKey(e)] : [];
  });
  const { bigNumber, table, ...properties } = state.properties;
  const next: ComposerState = {
    ...state,
    mark: to,
    encodings,
    properties: { ...properties, ...(to === 'big-number' && bigNumber ? { bigNumber } : {}), ...(to === 'table' && table ? { table } : {}) },
  };
  return dropUnused(next, dropped);
}
