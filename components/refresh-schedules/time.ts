import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant } from './schedule-text.js';

const DATE_FORMAT = '%a %b %-d, %Y';
const TIME_FORMAT = '%H:%M UTC';

/** An instant as a <time> whose date and time each stay on one line: "Thu May 2, 2024 06:00 UTC". */
export function instant(iso: string): TemplateResult {
  return html`<time datetime=${iso}><span class="nowrap">${formatInstant(iso, DATE_FORMAT)}</span> <span class="nowrap">${formatInstant(iso, TIME_FORMAT)}</span></time>`;
}

/** A run's start or end: the date, then the time to the second (the date is left out when it is `sameDayAs`'s). */
export function runTime(iso: string, sameDayAs?: string): TemplateResult {
  const day = formatInstant(iso, '%Y-%m-%d');
  const showDay = !sameDayAs || formatInstant(sameDayAs, '%Y-%m-%d') !== day;
  return html`<time datetime=${iso}>${showDay ? html`<span class="nowrap">${day}</span> ` : nothing}<span class="nowrap">${formatInstant(iso, '%H:%M:%S')}</span></time>`;
}
