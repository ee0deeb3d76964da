import type { RefreshJob, RefreshJobState } from './job-schema.js';
import type { RefreshRun, RefreshRunTrigger } from './log-schema.js';

/**
 * Scheduler events, on a plain EventTarget with CustomEvent (both global in Node 20 and browsers),
 * so the core stays DOM-free and refresh widgets can re-dispatch them on elements unchanged.
 */

/** A run that has started and not finished. */
export interface ActiveRun {
  runId: string;
  jobId: string;
  trigger: RefreshRunTrigger;
  scheduledFor: string | null;
  start: string;
}

interface JobDetail {
  job: RefreshJob;
  state: RefreshJobState;
}

export interface RefreshEventMap {
  'clv-refresh-start': JobDetail & { run: ActiveRun };
  'clv-refresh-success': JobDetail & { run: RefreshRun };
  'clv-refresh-failure': JobDetail & { run: RefreshRun };
  /** After the failure that reached the limit: the job is now disabled and flagged. */
  'clv-refresh-quarantine': JobDetail & { run: RefreshRun };
  /** A scheduled time came while the previous run was still going: `run` is that run, `dueAt` the missed time. */
  'clv-refresh-delay': JobDetail & { run: ActiveRun; dueAt: string };
  /** A successful run wrote rows to these tables: queries over them are stale. */
  'clv-refresh-table-updated': JobDetail & { run: RefreshRun; tables: string[] };
  /** The scheduler could not record a run (the store failed); the run's own outcome is in `run` when known. */
  'clv-refresh-error': { jobId: string; error: unknown };
}
export type RefreshEventType = keyof RefreshEventMap;
export type RefreshEvent<K extends RefreshEventType> = CustomEvent<RefreshEventMap[K]>;

export class RefreshEventTarget extends EventTarget {
  /** Typed addEventListener; returns a function that removes the listener. */
  on<K extends RefreshEventType>(type: K, listener: (event: RefreshEvent<K>) => void, options?: AddEventListenerOptions): () => void {
    const l = listener as EventListener;
    this.addEventListener(type, l, options);
    return () => this.removeEventListener(type, l, options);
  }

  protected emit<K extends RefreshEventType>(type: K, detail: RefreshEventMap[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
