import { prefixEntity } from './SkipPrefixEntityProvider';

describe('prefixEntity', () => {
  it('is a Resource owned by the team, naming its prefix, clusters and namespaces', () => {
    expect(
      prefixEntity({
        prefix: 'newteam-',
        team: 'group:default/newteam',
        state: 'active',
        source: 'onboarding',
        clusters: ['atkv3-dev', 'atkv3-prod'],
        namespaces: [{ cluster: 'atkv3-dev', namespace: 'newteam-web' }],
      }),
    ).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'namespace-prefix-newteam',
        title: 'newteam-',
        annotations: {
          'skip.kartverket.no/namespace-prefix': 'newteam-',
          'skip.kartverket.no/namespaces': 'atkv3-dev/newteam-web',
        },
      },
      spec: {
        type: 'namespace-prefix',
        owner: 'group:default/newteam',
        dependsOn: [
          'resource:default/atkv3-dev',
          'resource:default/atkv3-prod',
        ],
      },
    });
  });
});
