import { ConfigReader } from '@backstage/config';
import { SkipConfig } from './SkipConfig';

const kubernetes = {
  clusterLocatorMethods: [
    {
      type: 'config',
      clusters: [
        {
          name: 'atkv3-admin',
          url: 'https://127.0.0.1:1',
          serviceAccountToken: 't',
        },
        {
          name: 'atkv3-dev',
          url: 'https://127.0.0.1:2',
          serviceAccountToken: 't',
        },
        {
          name: 'atgcp1-dev',
          url: 'https://127.0.0.1:3',
          serviceAccountToken: 't',
        },
      ],
    },
  ],
};
const clusters = [
  {
    name: 'atkv3-admin',
    environment: 'dev',
    site: 'atkv3',
    platform: 'anthos-vmware',
    controlPlane: 'controlplane-v2',
    role: 'admin',
  },
  {
    name: 'atkv3-dev',
    environment: 'dev',
    site: 'atkv3',
    platform: 'anthos-vmware',
    controlPlane: 'kubeception',
    adminCluster: 'atkv3-admin',
  },
  {
    name: 'atgcp1-dev',
    environment: 'dev',
    site: 'atgcp1',
    platform: 'gke',
    controlPlane: 'gke-managed',
  },
];

function read(skip: unknown) {
  return SkipConfig.fromConfig(new ConfigReader({ kubernetes, skip } as any));
}

describe('SkipConfig', () => {
  it('joins cluster metadata with how the kubernetes block reaches each cluster', () => {
    const config = read({
      clusters,
      argocd: { instances: [{ name: 'nonprod', cluster: 'atgcp1-dev' }] },
      platformTeamGroups: ['group:default/platform-team'],
    });
    expect(config.clusters.map(c => c.metadata.name)).toEqual([
      'atkv3-admin',
      'atkv3-dev',
      'atgcp1-dev',
    ]);
    expect(config.cluster('atkv3-dev')?.connection.url).toBe(
      'https://127.0.0.1:2',
    );
    expect(config.cluster('atkv3-dev')?.metadata.role).toBe('user');
    expect(config.argoInstances).toEqual([
      { name: 'nonprod', cluster: 'atgcp1-dev', namespace: 'argocd' },
    ]);
  });

  it('names the key of a wrong environment', () => {
    const bad = clusters.map(c =>
      c.name === 'atkv3-dev' ? { ...c, environment: 'staging' } : c,
    );
    expect(() => read({ clusters: bad })).toThrow(
      /skip\.clusters\[1\]\.environment/,
    );
  });

  it('refuses a cluster that the kubernetes block cannot reach', () => {
    expect(() =>
      read({
        clusters: [...clusters, { ...clusters[2], name: 'atgcp1-prod' }],
      }),
    ).toThrow(
      /skip\.clusters\[3\]\.name: no cluster 'atgcp1-prod' in kubernetes\.clusterLocatorMethods/,
    );
  });

  it('refuses an on-prem user cluster without its admin cluster, and an unknown admin cluster', () => {
    expect(() =>
      read({ clusters: [{ ...clusters[1], adminCluster: undefined }] }),
    ).toThrow(/skip\.clusters\[0\]\.adminCluster/);
    expect(() => read({ clusters: [clusters[1]] })).toThrow(
      /skip\.clusters\[0\]\.adminCluster: unknown cluster 'atkv3-admin'/,
    );
  });

  it('refuses a gke cluster with an on-prem control plane model', () => {
    expect(() =>
      read({ clusters: [{ ...clusters[2], controlPlane: 'kubeception' }] }),
    ).toThrow(/skip\.clusters\[0\]\.controlPlane/);
  });

  it('refuses an Argo CD instance on an unknown cluster and a malformed platform team group', () => {
    expect(() =>
      read({
        clusters,
        argocd: { instances: [{ name: 'x', cluster: 'nope' }] },
      }),
    ).toThrow(/skip\.argocd\.instances\[0\]\.cluster/);
    expect(() =>
      read({ clusters, platformTeamGroups: ['platform-team'] }),
    ).toThrow(/skip\.platformTeamGroups\[0\]/);
  });

  it('refuses two Argo CD instances with one name or in one namespace, and allows two in one cluster', () => {
    const twice = [
      { name: 'nonprod', cluster: 'atgcp1-dev' },
      { name: 'nonprod', cluster: 'atkv3-dev' },
    ];
    expect(() => read({ clusters, argocd: { instances: twice } })).toThrow(
      /skip\.argocd\.instances\[1\]\.name/,
    );
    const sameCluster = [
      { name: 'nonprod', cluster: 'atgcp1-dev' },
      { name: 'prod', cluster: 'atgcp1-dev' },
    ];
    expect(() =>
      read({ clusters, argocd: { instances: sameCluster } }),
    ).toThrow(/skip\.argocd\.instances\[1\]\.namespace/);
    const twoNamespaces = [
      { name: 'nonprod', cluster: 'atgcp1-dev', namespace: 'argocd' },
      { name: 'prod', cluster: 'atgcp1-dev', namespace: 'argocd-prod' },
    ];
    expect(
      read({ clusters, argocd: { instances: twoNamespaces } }).argoInstances,
    ).toHaveLength(2);
  });

  it('refuses a cluster the portal could not authenticate to', () => {
    const withConnection = (connection: object) =>
      SkipConfig.fromConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'atgcp1-dev',
                    url: 'https://127.0.0.1:3',
                    ...connection,
                  },
                ],
              },
            ],
          },
          skip: { clusters: [clusters[2]] },
        } as any),
      );
    expect(() => withConnection({ authProvider: 'google' })).toThrow(
      /clusters\[0\]\.authProvider: 'google' is not supported/,
    );
    expect(() => withConnection({})).toThrow(
      /clusters\[0\]\.serviceAccountToken: required/,
    );
    expect(() =>
      withConnection({
        serviceAccountToken: 't',
        caFile: '/nonexistent/ca.pem',
      }),
    ).toThrow(/clusters\[0\]\.caFile: cannot read/);
  });

  it('allows an empty skip block', () => {
    expect(read(undefined).clusters).toEqual([]);
  });

  it('reads Connect gateways, with Google quotas as defaults, and which clusters sit behind one', () => {
    const config = read({
      clusters: clusters.map(c =>
        c.platform === 'gke' ? { ...c, connectGateway: 'fleet-prod' } : c,
      ),
      connectGateways: [
        { name: 'fleet-prod' },
        { name: 'fleet-dev', requestsPerMinute: 1200, cacheShare: 0.25 },
      ],
    });
    expect(config.connectGateways).toEqual([
      {
        name: 'fleet-prod',
        requestsPerMinute: 2400,
        maxStreams: 10,
        cacheShare: 0.5,
      },
      {
        name: 'fleet-dev',
        requestsPerMinute: 1200,
        maxStreams: 10,
        cacheShare: 0.25,
      },
    ]);
    expect(config.cluster('atgcp1-dev')?.connectGateway).toBe('fleet-prod');
    expect(config.cluster('atkv3-dev')?.connectGateway).toBeUndefined();
    // The frontend sees metadata; how the portal reaches a cluster is not part of it.
    expect(config.cluster('atgcp1-dev')?.metadata).not.toHaveProperty(
      'connectGateway',
    );
  });

  it('refuses to start with a cluster behind a gateway that is not configured, naming the key', () => {
    expect(() =>
      read({
        clusters: clusters.map((c, i) =>
          i === 2 ? { ...c, connectGateway: 'nowhere' } : c,
        ),
        connectGateways: [{ name: 'fleet-prod' }],
      }),
    ).toThrow(
      "skip.clusters[2].connectGateway: unknown gateway 'nowhere' (not in skip.connectGateways)",
    );
    expect(() =>
      read({
        clusters,
        connectGateways: [{ name: 'fleet-prod' }, { name: 'fleet-prod' }],
      }),
    ).toThrow(
      "skip.connectGateways[1].name: gateway 'fleet-prod' is listed twice",
    );
    expect(() =>
      read({ clusters, connectGateways: [{ name: 'x', cacheShare: 1.5 }] }),
    ).toThrow(/skip\.connectGateways\[0\]\.cacheShare/);
  });
});
