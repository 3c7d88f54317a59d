import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import {
  appsResponse,
  failingApp,
  healthyApp,
} from '../../__testUtils__/fixtures';
import { TeamRollupCard } from './TeamRollupCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-foo', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const at = (
  app: SkiperatorAppSummary,
  environment: SkiperatorAppSummary['environment'],
  name = app.name,
): SkiperatorAppSummary => ({
  ...app,
  name,
  environment,
  cluster: `atkv3-${environment}`,
});

describe('TeamRollupCard', () => {
  it("rolls the team's apps up: how many, how many fail and where, each app's state per environment", async () => {
    const api = new FakeSkipFleetApi();
    api.apps = {
      ...appsResponse(),
      items: [
        at(healthyApp, 'dev', 'bar-api'),
        at(healthyApp, 'prod', 'bar-api'),
        at(healthyApp, 'dev'),
        at(failingApp, 'prod'),
      ],
    };
    await renderInTestApp(
      <TestApiProvider apis={[[skipFleetApiRef, api]]}>
        <EntityProvider entity={group}>
          <TeamRollupCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('2 apps · 4 deployments · 1 failing (prod)'),
    ).toBeInTheDocument();
    expect(api.appQueries).toEqual([{ team: 'group:default/team-foo' }]);
    const attention = screen.getByRole('list', {
      name: 'Apps that need attention',
    });
    expect(
      within(attention).getByText(/Failing · foo-api · prod · atkv3-prod/),
    ).toBeInTheDocument();
    // The failing app comes first, each with its environments in promotion order.
    const rows = screen
      .getAllByRole('listitem')
      .filter(li => li.tagName === 'LI' && !attention.contains(li));
    expect(rows.map(r => r.textContent)).toEqual([
      'foo-apidevprod',
      'bar-apidevprod',
    ]);
    expect(
      screen.getByRole('link', { name: /Open the SKIP tab/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-foo/skip');
  });
});
