import { healthyApp } from '../../__testUtils__/fixtures';
import { appLinkTargets, hostUrl, repoWebUrl } from './appLinkTargets';
import {
  clusterObservabilityLinks,
  fillUrlTemplate,
} from './observabilityLinks';

const templates = {
  grafanaUrlTemplate:
    'https://grafana.example/d/app?var-namespace={{namespace}}&var-app={{app}}&var-cluster={{cluster}}',
  lokiUrlTemplate:
    'https://grafana.example/d/logs?var-team={{team}}&var-app={{app}}',
  clusterGrafanaUrlTemplate:
    'https://grafana.example/d/cluster?var-cluster={{cluster}}',
};

describe('appLinkTargets', () => {
  it("links an app's hosts, its Argo CD app, its repository and its Grafana dashboard", () => {
    const app = {
      ...healthyApp,
      ingresses: ['foo.kartverket.no'],
      argo: {
        ...healthyApp.argo!,
        url: 'https://argocd.example/applications/argocd/foo-main-foo-api',
        repoURL: 'git@github.com:kartverket/foo-apps.git',
      },
    };
    expect(appLinkTargets(app, templates).map(l => [l.label, l.href])).toEqual([
      ['foo.kartverket.no', 'https://foo.kartverket.no'],
      [
        'Argo CD',
        'https://argocd.example/applications/argocd/foo-main-foo-api',
      ],
      ['Repository', 'https://github.com/kartverket/foo-apps'],
      [
        'Grafana',
        'https://grafana.example/d/app?var-namespace=foo-main&var-app=foo-api&var-cluster=atkv3-dev',
      ],
    ]);
    // The Loki template names the team, which this app does not say: no link to the wrong logs.
  });

  it('leaves out what it cannot link safely', () => {
    const app = {
      ...healthyApp,
      ingresses: ['evil.example/"><script>'],
      argo: {
        ...healthyApp.argo!,
        repoURL: ['javascript', 'alert(1)'].join(':'),
      },
    };
    expect(appLinkTargets(app, {})).toEqual([]);
  });
});

describe('URL templates', () => {
  it('encodes the values it fills in', () => {
    expect(
      fillUrlTemplate('https://g.example/?q={{namespace}}', {
        namespace: 'a b&c',
      }),
    ).toBe('https://g.example/?q=a%20b%26c');
  });

  it("links a cluster's dashboard, and no logs where no template is set", () => {
    expect(
      clusterObservabilityLinks(templates, {
        name: 'atkv3-dev',
        environment: 'dev',
      }),
    ).toEqual({
      grafana: 'https://grafana.example/d/cluster?var-cluster=atkv3-dev',
    });
  });

  it('turns repository addresses into pages', () => {
    expect(repoWebUrl('https://github.com/kartverket/x.git')).toBe(
      'https://github.com/kartverket/x',
    );
    expect(repoWebUrl('ssh://git@github.com/kartverket/x.git')).toBe(
      'https://github.com/kartverket/x',
    );
  });

  it('links a host from a cluster only when it is a plain host name', () => {
    expect(hostUrl('ws.geonorge.no')).toBe('https://ws.geonorge.no');
    for (const host of [
      'good.example@evil.example/login',
      '*.example.com',
      'evil.example/path',
      'data:text/html,hello',
    ]) {
      expect(hostUrl(host)).toBeUndefined();
    }
  });
});
