import { DANGEROUS_NAMESPACED_KINDS, buildAppProject } from './appProject';
import { projectPermits } from './projectPermits';

const input = {
  teamName: 'team',
  teamRef: 'group:default/team',
  prefix: 'team-',
  iamGroups: ['team@kartverket.no'],
  repoUrl: 'https://github.com/kartverket/team-apps',
  argoNamespace: 'argocd',
  clusters: ['atkv3-dev'],
};

describe('buildAppProject', () => {
  const project = buildAppProject(input);
  const { destinations } = project.spec;

  // The demand: the generated AppProject denies a destination outside the prefix,
  // decided with Argo CD's glob semantics.
  const table: [string, string, boolean][] = [
    ['atkv3-dev', 'team-a', true],
    // Argo CD permits the bare prefix (`*` matches nothing), but no such namespace can exist:
    // a DNS-1123 label cannot end with `-`, so the API server refuses to create it.
    ['atkv3-dev', 'team-', true],
    ['atkv3-dev', 'team-a-b', true],
    ['atkv3-dev', 'teamx', false],
    ['atkv3-dev', 'team', false],
    ['atkv3-dev', 'other-team-a', false],
    ['atkv3-dev', 'TEAM-a', false],
    ['atkv3-dev', 'kube-system', false],
    ['atkv3-dev', '', false],
    ['atkv3-prod', 'team-a', false],
    ['atgcp1-dev', 'team-a', false],
  ];
  it.each(table)('on %s, namespace %j: permitted %s', (cluster, ns, ok) => {
    expect(projectPermits(destinations, cluster, ns)).toBe(ok);
    // Also when Argo CD knows the cluster by name and server URL, as it does.
    expect(
      projectPermits(
        destinations,
        { name: cluster, server: `https://${cluster}.example` },
        ns,
      ),
    ).toBe(ok);
  });

  it('is the overlap trap: a project for foo- also permits the namespaces of foo-bar-', () => {
    const foo = buildAppProject({ ...input, teamName: 'foo', prefix: 'foo-' });
    expect(
      projectPermits(foo.spec.destinations, 'atkv3-dev', 'foo-bar-x'),
    ).toBe(true);
  });

  it('has one destination per cluster, with a name and the prefix, and no deny entries', () => {
    const two = buildAppProject({
      ...input,
      clusters: ['atkv3-test', 'atkv3-dev', 'atkv3-test'],
    });
    expect(two.spec.destinations).toEqual([
      { name: 'atkv3-dev', namespace: 'team-*' },
      { name: 'atkv3-test', namespace: 'team-*' },
    ]);
    expect(projectPermits(two.spec.destinations, 'atkv3-test', 'team-a')).toBe(
      true,
    );
    expect(JSON.stringify(two.spec.destinations)).not.toContain('!');
    expect(
      buildAppProject({ ...input, clusters: [] }).spec.destinations,
    ).toEqual([]);
  });

  it('is the object the portal applies', () => {
    expect(project).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: {
        name: 'team',
        namespace: 'argocd',
        labels: { 'app.kubernetes.io/managed-by': 'skip-portal' },
        annotations: {
          'skip.kartverket.no/namespace-prefix': 'team-',
          'skip.kartverket.no/team': 'group:default/team',
        },
      },
      spec: {
        description: expect.stringContaining('team-*'),
        sourceRepos: ['https://github.com/kartverket/team-apps'],
        destinations: [{ name: 'atkv3-dev', namespace: 'team-*' }],
        clusterResourceWhitelist: [
          { group: '', kind: 'Namespace', name: 'team-*' },
        ],
        namespaceResourceBlacklist: DANGEROUS_NAMESPACED_KINDS,
        roles: [
          {
            name: 'team',
            description: expect.any(String),
            groups: ['team@kartverket.no'],
            policies: ['p, proj:team:team, applications, *, team/*, allow'],
          },
        ],
      },
    });
  });

  it('keeps access, capacity and traffic rules out of the apps repo', () => {
    const kinds = project.spec.namespaceResourceBlacklist.map(
      k => `${k.group}/${k.kind}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'rbac.authorization.k8s.io/Role',
        'rbac.authorization.k8s.io/RoleBinding',
        '/ResourceQuota',
        '/LimitRange',
        'networking.k8s.io/NetworkPolicy',
      ]),
    );
    // The project's list is a copy: changing it cannot change the shared constant.
    project.spec.namespaceResourceBlacklist[0].kind = 'Changed';
    expect(DANGEROUS_NAMESPACED_KINDS[0].kind).toBe('Role');
  });
});
