import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { screen } from '@testing-library/react';
import { FakeSkipAccessApi } from '../../__testUtils__/fakeSkipAccessApi';
import { EntityAccessCard } from './EntityAccessCard';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const renderCard = (api: FakeSkipAccessApi, of: Entity) =>
  renderInTestApp(
    <TestApiProvider apis={[[skipAccessApiRef, api]]}>
      <EntityProvider entity={of}>
        <EntityAccessCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityAccessCard', () => {
  it("shows a group's grants from rules and bindings", async () => {
    const api = new FakeSkipAccessApi();
    await renderCard(api, entity('Group', 'matrikkel'));

    expect(
      await screen.findByText('rule matrikkel-dev-view'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/binding ClusterRoleBinding old-admins/),
    ).toBeInTheDocument();
    expect(api.calls).toEqual(['getEffectiveAccess group:default/matrikkel']);
  });

  it("asks for a user's access as a user", async () => {
    const api = new FakeSkipAccessApi();
    api.effective.set(
      'user:default/mats',
      api.effective.get('group:default/matrikkel')!,
    );
    await renderCard(api, entity('User', 'mats'));

    expect(
      await screen.findByText('rule matrikkel-dev-view'),
    ).toBeInTheDocument();
    expect(api.calls).toEqual(['getEffectiveAccess user:default/mats']);
  });
});
