import type { TimeWindow } from '../../config/upgradesConfig';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The weekday and minute of the day at `at` in a time zone. */
function localTime(
  at: Date,
  timeZone: string,
): { day: (typeof DAYS)[number]; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find(p => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as (typeof DAYS)[number];
  return { day, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

const minutesOf = (clock: string) =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Whether `at` is inside the window. A window whose `to` is not after `from` spans midnight
 * and belongs to the day it opens on (fri 17:00–07:00 includes Saturday 06:00).
 */
export function isInWindow(window: TimeWindow, at: Date): boolean {
  const { day, minute } = localTime(at, window.timeZone);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from < to)
    return window.days.includes(day) && minute >= from && minute < to;
  const yesterday = DAYS[(DAYS.indexOf(day) + 6) % 7];
  return (
    (window.days.includes(day) && minute >= from) ||
    (window.days.includes(yesterday) && minute < to)
  );
}

/** When the window next opens after `at` (to the minute); undefined when it never does. */
export function nextOpening(window: TimeWindow, at: Date): Date | undefined {
  const start = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  for (let i = 0; i <= 8 * 24 * 60; i += 1) {
    const t = new Date(start.getTime() + i * 60_000);
    if (isInWindow(window, t)) return t;
  }
  return undefined;
}
