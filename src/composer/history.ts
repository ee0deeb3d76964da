import type { DataModel } from '../contracts/data-model.js';
import { reduceComposer, type ComposerAction } from './actions.js';
import type { ComposerState } from './state.js';

/**
 * Undo and redo over the composer reducer: snapshots of whole states (they are small and never
 * mutated), at most `limit` steps back. An action that changes nothing adds no step, and a run of
 * keystrokes in one text field (title, SQL, a parameter, …) is one step, not one per key.
 */

export const HISTORY_LIMIT = 100;

export interface ComposerHistory {
  past: ComposerState[];
  present: ComposerState;
  future: ComposerState[];
  limit: number;
  /** The text field the last step edited, while typing into it continues that step. */
  typing?: string;
}

export type HistoryAction = ComposerAction | { type: 'undo' } | { type: 'redo' };

export function startHistory(state: ComposerState, limit = HISTORY_LIMIT): ComposerHistory {
  return { past: [], present: state, future: [], limit: Math.max(1, Math.floor(limit)) };
}

export const canUndo = (h: ComposerHistory): boolean => h.past.length > 0;
export const canRedo = (h: ComposerHistory): boolean => h.future.length > 0;

/** Structural equality of JSON-like values; a key set to undefined counts as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/** The text field an action types into, if it is one. */
function typingKey(action: ComposerAction): string | undefined {
  switch (action.type) {
    case 'setTitle':
    case 'setDescription':
    case 'setSql':
    case 'setNumberFormat':
    case 'setLimit':
    case 'setLegend':
    case 'setPageSize':
    case 'setBigNumber':
      return action.type;
    case 'setAxis':
      return `${action.type}:${action.axis}`;
    case 'setParam':
      return `${action.type}:${action.name}`;
    case 'setChannelTitle':
    case 'setChannelFormat':
      return `${action.type}:${action.channel}`;
    default:
      return undefined;
  }
}

function undo(h: ComposerHistory): ComposerHistory {
  const previous = h.past[h.past.length - 1];
  if (!previous) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], limit: h.limit };
}

function redo(h: ComposerHistory): ComposerHistory {
  const [next, ...future] = h.future;
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future, limit: h.limit };
}

/**
 * A run's columns are not an edit: they describe the SQL that ran, so they replace the present's
 * and are given to every step with the same SQL (undo then keeps the attributes that SQL returns).
 */
function withSqlResult(h: ComposerHistory, next: ComposerState): ComposerHistory {
  const adopt = (s: ComposerState) => (s.sql === next.sql ? { ...s, sqlColumns: next.sqlColumns } : s);
  // Typing after a run starts a new step.
  return { past: h.past.map(adopt), present: next, future: h.future.map(adopt), limit: h.limit };
}

export function applyToHistory(h: ComposerHistory, action: HistoryAction, model: DataModel): ComposerHistory {
  if (action.type === 'undo') return undo(h);
  if (action.type === 'redo') return redo(h);
  const next = reduceComposer(h.present, action, model);
  if (next === h.present || sameValue(next, h.present)) return h;
  // A run that only brings columns is no step; one that drops encodings or settings can be undone.
  if (action.type === 'setSqlResult' && sameValue({ ...next, sqlColumns: h.present.sqlColumns }, h.present)) return withSqlResult(h, next);
  const typing = typingKey(action);
  if (typing !== undefined && typing === h.typing) {
    // Still typing into the same field: the step grows; typed back to where it began, it is gone.
    const before = h.past[h.past.length - 1];
    if (before && sameValue(before, next)) return { past: h.past.slice(0, -1), present: before, future: [], limit: h.limit };
    return { ...h, present: next, future: [] };
  }
  const past = [...h.past, h.present].slice(-h.limit);
  return { past, present: next, future: [], limit: h.limit, ...(typing !== undefined ? { typing } : {}) };
}

/** applyToHistory bound to a model, for useReducer-style callers. */
export function composerHistoryReducer(model: DataModel): (h: ComposerHistory, action: HistoryAction) => ComposerHistory {
  return (h, action) => applyToHistory(h, action, model);
}
