import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import {
  appsResponse,
  failingApp,
  healthyApp,
} from '../../__testUtils__/fixtures';
import { EntitySkipOverviewCard } from './EntitySkipOverviewCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'foo', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-foo',
    lifecycle: 'production',
  },
};

async function renderCard(api: FakeSkipFleetApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[skipFleetApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntitySkipOverviewCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const at = (
  app: SkiperatorAppSummary,
  environment: SkiperatorAppSummary['environment'],
): SkiperatorAppSummary => ({
  ...app,
  environment,
  cluster: `atkv3-${environment}`,
});

describe('EntitySkipOverviewCard', () => {
  it("says the component's state in one line, where it fails and why, and links to the SKIP tab", async () => {
    const api = new FakeSkipFleetApi();
    api.apps = {
      ...appsResponse(),
      items: [
        at(healthyApp, 'prod'),
        at(failingApp, 'dev'),
        at(healthyApp, 'test'),
      ],
    };
    await renderCard(api);

    expect(
      await screen.findByText('3 environments · 1 failing (dev) · Synced'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Failing · dev · atkv3-dev · foo-main/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Deployment foo-api: 0 of 2 pods ready'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the SKIP tab/ }),
    ).toHaveAttribute('href', '/catalog/default/component/foo/skip');
    // The fixture's prod cluster did not answer: the card says its apps may be missing.
    expect(
      screen.getByText(/Cluster atkv3-prod did not answer/),
    ).toBeInTheDocument();
    expect(api.appQueries).toEqual([{ entityRef: 'component:default/foo' }]);
  });

  it('says plainly when the component is not deployed anywhere', async () => {
    const api = new FakeSkipFleetApi();
    await renderCard(api);
    expect(await screen.findByText(/Not deployed/)).toBeInTheDocument();
  });

  it('shows why the apps could not be loaded, with Retry', async () => {
    const api = new FakeSkipFleetApi();
    api.getApps = async () => {
      throw new Error('The catalog did not answer');
    };
    await renderCard(api);
    expect(
      await screen.findByText('Could not load the apps'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Retry/ })).toBeInTheDocument();
  });
});
