import { formatTimeAgo } from './formatTimeAgo';

const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('formatTimeAgo', () => {
  it('says how long ago in the largest unit that reads naturally', () => {
    expect(formatTimeAgo(ago(0), now)).toBe('0 seconds ago');
    expect(formatTimeAgo(ago(1_000), now)).toBe('1 second ago');
    expect(formatTimeAgo(ago(59_000), now)).toBe('59 seconds ago');
    expect(formatTimeAgo(ago(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatTimeAgo(ago(2 * 3_600_000), now)).toBe('2 hours ago');
    expect(formatTimeAgo(ago(47 * 3_600_000), now)).toBe('47 hours ago');
    expect(formatTimeAgo(ago(5 * 86_400_000), now)).toBe('5 days ago');
  });

  it('never puts a time a little ahead of the browser clock in the future', () => {
    expect(formatTimeAgo(ago(-3_000), now)).toBe('0 seconds ago');
  });

  it('says nothing about a missing or unreadable time', () => {
    expect(formatTimeAgo(undefined, now)).toBeUndefined();
    expect(formatTimeAgo('yesterday-ish', now)).toBeUndefined();
  });
});
