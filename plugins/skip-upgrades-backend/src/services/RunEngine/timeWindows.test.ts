import { timeWindowSchema } from '../../config/upgradesConfig';
import { isInWindow, nextOpening } from './timeWindows';

describe('time windows', () => {
  // Prod only outside work hours on weekdays, all weekend, Oslo time (UTC+1 in December).
  const evenings = timeWindowSchema.parse({
    timeZone: 'Europe/Oslo',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    from: '17:00',
    to: '07:00',
  });

  it('is open in the evening and through the night that follows, closed in work hours', () => {
    expect(isInWindow(evenings, new Date('2026-12-02T16:30:00Z'))).toBe(true); // Wed 17:30 Oslo
    expect(isInWindow(evenings, new Date('2026-12-03T05:00:00Z'))).toBe(true); // Thu 06:00, the Wednesday night
    expect(isInWindow(evenings, new Date('2026-12-02T10:00:00Z'))).toBe(false); // Wed 11:00
  });

  it('belongs to the day it opens: Saturday morning is Friday night, Sunday evening is closed', () => {
    expect(isInWindow(evenings, new Date('2026-12-05T05:00:00Z'))).toBe(true); // Sat 06:00
    expect(isInWindow(evenings, new Date('2026-12-06T18:00:00Z'))).toBe(false); // Sun 19:00
  });

  it('tells when it opens next', () => {
    expect(
      nextOpening(evenings, new Date('2026-12-02T10:00:00Z'))?.toISOString(),
    ).toBe('2026-12-02T16:00:00.000Z');
  });
});
