import { ClvRefreshSchedules } from './refresh-schedules.js';

export { ClvRefreshSchedules };
export { REFRESH_EVENT_TYPES, type RefreshSchedulesState, type RunHistoryRow } from './refresh-schedules.js';

if (!customElements.get('clv-refresh-schedules')) customElements.define('clv-refresh-schedules', ClvRefreshSchedules);
