// Turns --since/--days/--until into the report's period: `from` inclusive, `to` exclusive, UTC.
import { cliError } from "../cli-error.js";

export const DEFAULT_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface PeriodRequest {
  since: string | null;
  days: number | null;
  until: string | null;
}

/** Milliseconds; a date-only --until includes that whole day. */
export function resolvePeriod(request: PeriodRequest, now: number): { from: number; to: number } {
  const to =
    request.until === null
      ? now
      : parseTime(request.until, "--until") + (DATE_ONLY.test(request.until) ? DAY_MS : 0);
  const from =
    request.since === null
      ? to - (request.days ?? DEFAULT_DAYS) * DAY_MS
      : parseTime(request.since, "--since");
  if (from >= to) {
    throw cliError("the period is empty: --since must be before --until");
  }
  return { from, to };
}

function parseTime(text: string, option: string): number {
  // A date-only or zone-less time is read as UTC, so a report does not depend on the machine.
  const iso = DATE_ONLY.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
      ? text
      : `${text}Z`;
  const time = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) {
    throw cliError(`${option} must be a date (YYYY-MM-DD) or an ISO 8601 time, not '${text}'`);
  }
  return time;
}
