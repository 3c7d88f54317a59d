import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { SkipClusterEntityProvider } from './SkipClusterEntityProvider';

describe('SkipClusterEntityProvider', () => {
  it('gives each cluster a Resource owned by the platform team, linked to its admin cluster', async () => {
    const applyMutation = jest.fn();
    const provider = new SkipClusterEntityProvider(
      [
        {
          metadata: {
            name: 'atkv3-admin-nonprod',
            environment: 'dev',
            site: 'atkv3',
            platform: 'anthos-vmware',
            controlPlane: 'controlplane-v2',
            role: 'admin',
          },
          connection: {
            name: 'atkv3-admin-nonprod',
            url: 'https://127.0.0.1:1',
            authProvider: 'serviceAccount',
            skipTLSVerify: false,
          },
        },
        {
          metadata: {
            name: 'atkv3-dev',
            environment: 'dev',
            site: 'atkv3',
            platform: 'anthos-vmware',
            controlPlane: 'kubeception',
            role: 'user',
            adminCluster: 'atkv3-admin-nonprod',
          },
          connection: {
            name: 'atkv3-dev',
            url: 'https://127.0.0.1:2',
            authProvider: 'serviceAccount',
            skipTLSVerify: false,
          },
        },
      ],
      'group:default/platform-team',
    );
    await provider.connect({
      applyMutation,
      refresh: jest.fn(),
    } as unknown as EntityProviderConnection);
    const entities = applyMutation.mock.calls[0][0].entities.map(
      (e: any) => e.entity,
    );
    expect(applyMutation.mock.calls[0][0].type).toBe('full');
    expect(
      entities.map((e: any) => [
        e.kind,
        e.metadata.name,
        e.spec.type,
        e.spec.owner,
      ]),
    ).toEqual([
      [
        'Resource',
        'atkv3-admin-nonprod',
        'kubernetes-cluster',
        'group:default/platform-team',
      ],
      [
        'Resource',
        'atkv3-dev',
        'kubernetes-cluster',
        'group:default/platform-team',
      ],
    ]);
    expect(entities[1].spec.dependsOn).toEqual([
      'resource:default/atkv3-admin-nonprod',
    ]);
    expect(entities[1].metadata.tags).toEqual([
      'dev',
      'anthos-vmware',
      'kubeception',
    ]);
  });
});
