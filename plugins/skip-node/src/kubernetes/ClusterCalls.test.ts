import { PatchStrategy, V1ConfigMap } from '@kubernetes/client-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { useSimulatedCluster } from '../__testUtils__/useSimulatedCluster';

const configMap = (state: string): V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: 'default' },
  data: { state },
});

describe('ClusterCalls against the fleet simulator', () => {
  const { sim, calls } = useSimulatedCluster();

  beforeEach(async () => {
    await sim().setFaults('a', { latencyMs: 0, errorStatus: undefined });
    sim()
      .cluster('a')
      .store.put(configMap('before') as any);
  });

  const state = () =>
    (
      sim().cluster('a').store.get('v1', 'ConfigMap', 'default', 'settings') as
        | V1ConfigMap
        | undefined
    )?.data?.state;

  const read = (name: string) =>
    calls().call('a', `ConfigMap default/${name}`, ({ objects }) =>
      objects.read({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'default' },
      }),
    );

  /** Sets the ConfigMap's state with a merge patch, giving the cluster `timeoutMs` to answer. */
  const changeState = (value: string, timeoutMs: number) =>
    calls().call(
      'a',
      'ConfigMap default/settings',
      ({ objects }) =>
        objects.patch(
          configMap(value),
          undefined,
          undefined,
          'test',
          undefined,
          PatchStrategy.MergePatch,
        ),
      { timeoutMs },
    );

  it('aborts a change the cluster did not answer in time, so it never lands', async () => {
    // Read once while the cluster is fast: discovery is then known and the PATCH itself is in flight at the deadline.
    await read('settings');
    await sim().setFaults('a', { latencyMs: 1_500 });

    await expect(changeState('after', 300)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: "Cluster 'a' did not answer within 300 ms",
    });

    // Long after the cluster would have applied it, had the request still been open.
    await sleep(2_500);
    expect(state()).toBe('before');
  }, 15_000);

  it('lets a change through that the cluster answers before the deadline', async () => {
    await sim().setFaults('a', { latencyMs: 100 });
    await changeState('after', 5_000);
    expect(state()).toBe('after');
  }, 15_000);

  it('answers 404 for a missing object and 503 naming the cluster for a failing one', async () => {
    await expect(read('missing')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "ConfigMap default/missing not found on cluster 'a'",
    });
    await sim().setFaults('a', { errorStatus: 500 });
    await expect(read('settings')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        "Cluster 'a' answered with an error (HTTP 500) for ConfigMap default/settings",
    });
  }, 15_000);
});
