import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { healthyApp } from '../../__testUtils__/fixtures';
import { rootRouteRef } from '../../routes';
import { AppLinks } from './AppLinks';

describe('AppLinks', () => {
  it("links one app row to its cluster's page, its host, Argo CD and Grafana from the configured template", async () => {
    const app = {
      ...healthyApp,
      ingresses: ['foo.kartverket.no'],
      argo: {
        ...healthyApp.argo!,
        url: 'https://argocd.example/applications/argocd/foo-main-foo-api',
      },
    };
    await renderInTestApp(<AppLinks app={app} />, {
      config: {
        skip: {
          observability: {
            grafanaUrlTemplate:
              'https://grafana.example/d/app?var-app={{app}}&var-cluster={{cluster}}',
          },
        },
      },
      mountedRoutes: { '/skip': rootRouteRef },
    });
    const nav = screen.getByRole('navigation', {
      name: 'Links of foo-api on atkv3-dev',
    });
    expect(
      within(nav).getByRole('link', { name: 'atkv3-dev' }),
    ).toHaveAttribute('href', '/skip/clusters/atkv3-dev');
    expect(
      within(nav).getByText('foo-main', { exact: false }),
    ).toBeInTheDocument();
    expect(
      within(nav).getByRole('link', { name: /foo\.kartverket\.no/ }),
    ).toHaveAttribute('href', 'https://foo.kartverket.no');
    expect(within(nav).getByRole('link', { name: /Argo CD/ })).toHaveAttribute(
      'href',
      'https://argocd.example/applications/argocd/foo-main-foo-api',
    );
    expect(within(nav).getByRole('link', { name: /Grafana/ })).toHaveAttribute(
      'href',
      'https://grafana.example/d/app?var-app=foo-api&var-cluster=atkv3-dev',
    );
    // No Loki template is configured: no link to guessed logs.
    expect(within(nav).queryByRole('link', { name: /Logs/ })).toBeNull();
  });
});
