import { toArgoAppStatus } from './toArgoAppStatus';

const application = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'seeiendom-api-main-seeiendom-api', namespace: 'argocd' },
  spec: {
    project: 'seeiendom',
    source: { repoURL: 'https://github.com/kartverket/seeiendom-apps' },
    destination: { name: 'atkv3-dev', namespace: 'seeiendom-api-main' },
  },
  status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } },
};

describe('toArgoAppStatus', () => {
  it("names the app's git repository and its page in the instance's UI", () => {
    const status = toArgoAppStatus(
      'argocd-nonprod',
      application,
      'atkv3-dev',
      'https://argocd.example.com/',
    );
    expect(status.repoURL).toBe('https://github.com/kartverket/seeiendom-apps');
    expect(status.url).toBe(
      'https://argocd.example.com/applications/argocd/seeiendom-api-main-seeiendom-api',
    );
  });

  it('reads the first of several sources, and links nowhere without a configured UI', () => {
    const multi = {
      ...application,
      spec: {
        ...application.spec,
        source: undefined,
        sources: [
          { repoURL: 'https://github.com/kartverket/a' },
          { repoURL: 'https://github.com/kartverket/b' },
        ],
      },
    };
    const status = toArgoAppStatus('argocd-nonprod', multi, 'atkv3-dev');
    expect(status.repoURL).toBe('https://github.com/kartverket/a');
    expect(status).not.toHaveProperty('url');
  });
});
