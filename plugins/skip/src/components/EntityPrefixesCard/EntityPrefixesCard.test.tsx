import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { screen, within } from '@testing-library/react';
import {
  prefixRequest,
  teamPrefix,
} from '../../__testUtils__/onboardingFixtures';
import { FakeSkipOnboardingApi } from '../../__testUtils__/fakeSkipOnboardingApi';
import { EntityPrefixesCard } from './EntityPrefixesCard';

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const render = (api: FakeSkipOnboardingApi, of: Entity) =>
  renderInTestApp(
    <TestApiProvider apis={[[skipOnboardingApiRef, api]]}>
      <EntityProvider entity={of}>
        <EntityPrefixesCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityPrefixesCard', () => {
  it("lists the team's prefixes and its requests with their states", async () => {
    const api = new FakeSkipOnboardingApi();
    api.prefixes = [
      ...api.prefixes,
      teamPrefix({
        prefix: 'newteam-old-',
        team: 'group:default/newteam',
        state: 'retired',
        source: 'onboarding',
        namespaces: [],
      }),
    ];
    api.requests = [
      prefixRequest(),
      prefixRequest({
        id: 'req-2',
        prefix: 'nt-',
        state: 'rejected',
        decision: 'Too short',
      }),
      prefixRequest({
        id: 'req-3',
        team: 'group:default/matrikkel',
        prefix: 'kart-',
      }),
    ];
    await render(api, group('newteam'));

    const prefixes = await screen.findByRole('list', {
      name: 'Prefixes of newteam',
    });
    expect(
      within(prefixes)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['newteam-old-retiredonboarding · 0 namespaces']);
    const requests = screen.getByRole('list', { name: 'Requests of newteam' });
    const items = within(requests).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('newteam-pendingby mats');
    expect(items[1]).toHaveTextContent('nt-rejectedby mats');
    expect(items[1]).toHaveTextContent('Too short');
    expect(api.calls).toEqual([
      'listPrefixes',
      'listRequests team=group:default/newteam',
    ]);
    // Mats is in newteam: he is pointed to where he asks for it.
    expect(
      screen.getByRole('link', { name: 'Request a prefix for newteam' }),
    ).toHaveAttribute(
      'href',
      '/skip/onboarding?team=group%3Adefault%2Fnewteam',
    );
    expect(
      screen.getByRole('link', { name: 'All prefixes and requests' }),
    ).toHaveAttribute('href', '/skip/onboarding');
  });

  it('says when a team has no prefix, and offers no request to a non-member', async () => {
    const api = new FakeSkipOnboardingApi();
    await render(api, group('seeiendom'));

    expect(
      await screen.findByRole('list', { name: 'Prefixes of seeiendom' }),
    ).toHaveTextContent('seeiendom-activecatalog · 1 namespace');
    expect(screen.queryByRole('list', { name: /^Requests of/ })).toBeNull();
    expect(
      screen.queryByRole('link', { name: /^Request a prefix/ }),
    ).toBeNull();

    api.prefixes = [];
    await render(api, group('newteam'));
    expect(
      await screen.findByText('newteam has no namespace prefix yet.'),
    ).toBeInTheDocument();
  });
});
