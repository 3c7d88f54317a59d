import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { screen, within } from '@testing-library/react';
import { FakeSkipAccessApi } from '../../__testUtils__/fakeSkipAccessApi';
import { EntityAccessContent } from '../EntityAccessContent';
import { EntityAccessCard } from './EntityAccessCard';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const render = (api: FakeSkipAccessApi, of: Entity, what: JSX.Element) =>
  renderInTestApp(
    <TestApiProvider apis={[[skipAccessApiRef, api]]}>
      <EntityProvider entity={of}>{what}</EntityProvider>
    </TestApiProvider>,
  );

describe('EntityAccessCard', () => {
  it("sums up a group's grants and names the escalating ones made outside the portal", async () => {
    const api = new FakeSkipAccessApi();
    await render(api, entity('Group', 'matrikkel'), <EntityAccessCard />);

    expect(
      await screen.findByText(
        /2 grants on 2 clusters \(1 clusters could not be read\)/,
      ),
    ).toBeInTheDocument();
    const escalating = screen.getByRole('list', { name: 'Escalating roles' });
    expect(
      within(escalating).getByText(
        'cluster-admin in cluster-wide on atkv3-test · ClusterRoleBinding old-admins',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Made outside the portal' }),
    ).toHaveTextContent('old-admins');
    expect(screen.getByRole('link', { name: /Every grant/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/access$/),
    );
    expect(api.calls).toEqual(['getEffectiveAccess group:default/matrikkel']);
  });

  it("asks for a user's access as a user, and the tab lists every grant", async () => {
    const api = new FakeSkipAccessApi();
    api.effective.set(
      'user:default/mats',
      api.effective.get('group:default/matrikkel')!,
    );
    await render(api, entity('User', 'mats'), <EntityAccessContent />);

    expect(
      await screen.findByText('rule matrikkel-dev-view'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/binding ClusterRoleBinding old-admins/),
    ).toBeInTheDocument();
    expect(api.calls).toEqual(['getEffectiveAccess user:default/mats']);
  });
});
