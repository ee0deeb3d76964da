import { AdapterError } from '../../contracts/errors.js';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** One call's signal: fires on the caller's abort or at the deadline, with an AdapterError as its reason. */
export interface CallSignal {
  readonly signal: AbortSignal;
  /** Milliseconds left before the deadline. */
  remaining(): number;
  /** Detaches from the caller's signal and clears the timer; call once the call settles. */
  dispose(): void;
}

/**
 * Combines the caller's signal with a deadline. Done by hand rather than with AbortSignal.any so
 * the reason says which one fired and the listener on a long-lived caller signal is removed.
 */
export function callSignal(timeoutMs: number, caller?: AbortSignal): CallSignal {
  const controller = new AbortController();
  const deadline = Date.now() + timeoutMs;
  const onAbort = () => controller.abort(new AdapterError('aborted', 'The request was cancelled.', undefined, { cause: caller?.reason }));
  // setTimeout fires at once for Infinity or anything past 2^31-1 ms; such a deadline means "none".
  const timer =
    timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => controller.abort(new AdapterError('timeout', `No answer within ${timeoutMs} ms; try again or raise timeoutMs.`)), timeoutMs)
      : undefined;
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    remaining: () => Math.max(0, deadline - Date.now()),
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
