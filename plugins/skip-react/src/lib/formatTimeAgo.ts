// English like the rest of the portal's texts, so a sentence never mixes two languages.
const relativeTime = new Intl.RelativeTimeFormat('en', {
  numeric: 'always',
  style: 'long',
});

/**
 * How long ago an ISO time was, relative to `now`: "3 seconds ago", "4 minutes ago",
 * "2 hours ago", "5 days ago". Undefined when the time is missing or unreadable.
 */
export function formatTimeAgo(
  iso: string | undefined,
  now: number,
): string | undefined {
  if (!iso) return undefined;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return undefined;
  // Server and browser clocks differ a little; never say "in 2 seconds".
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return relativeTime.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relativeTime.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relativeTime.format(-hours, 'hour');
  return relativeTime.format(-Math.floor(hours / 24), 'day');
}
