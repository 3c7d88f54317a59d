import { ConfigReader } from '@backstage/config';
import { readDecisionCacheOptions } from './DecisionCacheOptions';

describe('readDecisionCacheOptions', () => {
  it('bounds revocation at 5 seconds unless configured', () => {
    expect(readDecisionCacheOptions(new ConfigReader({}))).toEqual({
      ttlMs: 5_000,
      maxEntries: 10_000,
    });
  });

  it('turns the cache off with a TTL of 0', () => {
    const config = new ConfigReader({
      skip: { decisionCache: { ttlSeconds: 0 } },
    });
    expect(readDecisionCacheOptions(config).ttlMs).toBe(0);
  });

  it('refuses a negative TTL, naming the key', () => {
    const config = new ConfigReader({
      skip: { decisionCache: { ttlSeconds: -1 } },
    });
    expect(() => readDecisionCacheOptions(config)).toThrow(
      'skip.decisionCache.ttlSeconds',
    );
  });
});
