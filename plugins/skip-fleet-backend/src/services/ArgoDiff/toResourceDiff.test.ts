import { toResourceDiff } from './toResourceDiff';

const secret = (password: string) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'team-main', resourceVersion: '7' },
    data: { password, user: 'YXBw' },
  });

describe('toResourceDiff', () => {
  it('shows what changed in a modified object, without server-set metadata or status', () => {
    const live = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', uid: 'u-1', resourceVersion: '9' },
      spec: { replicas: 5 },
      status: { readyReplicas: 5 },
    };
    const diff = toResourceDiff({
      group: 'apps',
      kind: 'Deployment',
      name: 'api',
      modified: true,
      liveState: JSON.stringify(live),
      targetState: JSON.stringify({ ...live, spec: { replicas: 2 } }),
    });
    expect(diff.change).toBe('modified');
    expect(diff.diff).toContain('-  replicas: 5');
    expect(diff.diff).toContain('+  replicas: 2');
    expect(diff.diff).not.toMatch(/uid|resourceVersion|readyReplicas/);
  });

  it("never shows a Secret's values, only which of them differ", () => {
    const diff = toResourceDiff({
      kind: 'Secret',
      namespace: 'team-main',
      name: 'db',
      modified: true,
      liveState: secret('c2VjcmV0LWxpdmU='),
      targetState: secret('c2VjcmV0LWdpdA=='),
    });
    expect(diff.change).toBe('modified');
    expect(diff.diff).not.toMatch(/c2VjcmV0|YXBw/);
    expect(diff.diff).toContain('-  password: ++++++++');
    expect(diff.diff).toContain('+  password: +++++++++');
    expect(diff.diff).not.toMatch(/^[-+] {2}user/m);
  });
});
