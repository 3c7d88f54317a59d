import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  prefixesOverlap,
  type PrefixRequest,
} from '@internal/plugin-skip-common';
import { DatabaseOnboardingStore } from './DatabaseOnboardingStore';
import type { PrefixClaim } from './OnboardingStore';

jest.setTimeout(120_000);

const request = (id: string, team: string, prefix: string): PrefixRequest => ({
  id,
  team,
  prefix,
  state: 'pending',
  requestedBy: 'user:default/mats',
  requestedAt: new Date('2026-12-02T10:00:00Z').toISOString(),
  history: [
    {
      at: '2026-12-02T10:00:00.000Z',
      actor: 'user:default/mats',
      action: 'requested',
    },
  ],
});

/** The check the service makes: a held prefix that overlaps the new one, in either direction. */
const overlapWith = (prefix: string) => (held: PrefixClaim[]) => {
  const other = held.find(c => prefixesOverlap(c.prefix, prefix));
  return other && `prefix: overlaps ${other.prefix} of ${other.team}`;
};

describe('DatabaseOnboardingStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  async function storeOn(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return DatabaseOnboardingStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
  }

  it.each(databases.eachSupportedId())(
    'accepts exactly one of 50 concurrent overlapping requests, on %p',
    async databaseId => {
      const store = await storeOn(databaseId);
      // team-, team-a-, team-aa-, ...: every pair overlaps, one way or the other.
      const prefixes = Array.from(
        { length: 50 },
        (_, i) => `team-${'a'.repeat(i)}${i ? '-' : ''}`,
      );
      const results = await Promise.allSettled(
        prefixes.map((prefix, i) =>
          store.createRequest(
            request(`req-${i}`, `group:default/team${i}`, prefix),
            overlapWith(prefix),
          ),
        ),
      );
      const accepted = results.filter(r => r.status === 'fulfilled');
      expect(accepted).toHaveLength(1);
      for (const refused of results.filter(r => r.status === 'rejected')) {
        expect((refused as PromiseRejectedResult).reason).toMatchObject({
          name: 'ConflictError',
          message: expect.stringMatching(/^prefix: overlaps team-/),
        });
      }
      expect(
        (await store.listClaims()).filter(c => c.state === 'pending'),
      ).toHaveLength(1);
      expect(await store.listRequests({})).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'approves once, frees a rejected prefix, and lets a retired prefix be claimed again, on %p',
    async databaseId => {
      const store = await storeOn(databaseId);
      const event = (action: 'approved' | 'rejected') => ({
        at: new Date().toISOString(),
        actor: 'user:default/pia',
        action,
      });
      await store.createRequest(
        request('r1', 'group:default/a', 'aa-'),
        overlapWith('aa-'),
      );
      const approved = await store.decide('r1', {
        state: 'approved',
        decidedBy: 'user:default/pia',
        event: event('approved'),
      });
      expect(approved).toMatchObject({
        state: 'approved',
        decidedBy: 'user:default/pia',
      });
      expect(approved.history.map(h => h.action)).toEqual([
        'requested',
        'approved',
      ]);
      await expect(
        store.decide('r1', {
          state: 'rejected',
          decidedBy: 'x',
          event: event('rejected'),
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.listClaims())[0]).toMatchObject({
        prefix: 'aa-',
        state: 'active',
      });

      await store.createRequest(
        request('r2', 'group:default/b', 'bb-'),
        overlapWith('bb-'),
      );
      await store.decide('r2', {
        state: 'rejected',
        decidedBy: 'p',
        decision: 'no',
        event: event('rejected'),
      });
      await store.createRequest(
        request('r3', 'group:default/c', 'bb-'),
        overlapWith('bb-'),
      );

      await store.retire('aa-', 'user:default/pia');
      await expect(store.retire('aa-', 'x')).rejects.toMatchObject({
        name: 'ConflictError',
      });
      await store.createRequest(
        request('r4', 'group:default/d', 'aa-x-'),
        overlapWith('aa-x-'),
      );
      expect(
        (await store.listRequests({ team: 'group:default/d' })).map(r => r.id),
      ).toEqual(['r4']);
    },
  );
});
