import type { RefreshJobRecord, RefreshJobState } from './job-schema.js';
import type { RefreshRun } from './log-schema.js';

/** A new job's state. */
export function initialState(at: string): RefreshJobState {
  return { consecutiveFailures: 0, quarantined: false, quarantinedAt: null, lastRunAt: null, lastStatus: null, createdAt: at, updatedAt: at };
}

/** The state after enabling: a quarantine is lifted and the failure count starts again. */
export function enabledState(state: RefreshJobState, at: string): RefreshJobState {
  return { ...state, consecutiveFailures: 0, quarantined: false, quarantinedAt: null, updatedAt: at };
}

/**
 * The record after a finished run. The run that makes `quarantineAfter` consecutive failures
 * quarantines the job: disabled and flagged until someone enables it again.
 */
export function afterRun(current: RefreshJobRecord, run: RefreshRun, quarantineAfter: number): { record: RefreshJobRecord; quarantined: boolean } {
  const failed = run.status === 'failed';
  const failures = failed ? current.state.consecutiveFailures + 1 : 0;
  const quarantined = failed && failures >= quarantineAfter && !current.state.quarantined;
  const state: RefreshJobState = { ...current.state, consecutiveFailures: failures, lastRunAt: run.end, lastStatus: run.status };
  if (!quarantined) return { record: { job: current.job, state }, quarantined };
  return {
    record: { job: { ...current.job, enabled: false }, state: { ...state, quarantined: true, quarantinedAt: run.end, updatedAt: run.end } },
    quarantined,
  };
}
