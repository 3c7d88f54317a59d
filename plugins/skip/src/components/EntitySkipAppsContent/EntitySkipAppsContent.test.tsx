import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { appsResponse, failingDeployment } from '../../__testUtils__/fixtures';
import { EntitySkipAppsContent } from './EntitySkipAppsContent';

// jsdom has no layout; give the log viewer's virtual list a size so lines render.
jest.mock('react-virtualized-auto-sizer', () => ({
  __esModule: true,
  default: (props: {
    children: (size: { height: number; width: number }) => ReactNode;
  }) => <>{props.children({ height: 400, width: 800 })}</>,
}));

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

function fakeApi() {
  const api = new FakeSkipFleetApi();
  api.apps = appsResponse();
  api.resources.set(
    'atkv3-prod/foo-main/Deployment/foo-api',
    failingDeployment,
  );
  api.logs.set(
    'foo-api-7d9f8-abcde/foo-api',
    'starting foo-api 1.5.0\nwaiting for image\n',
  );
  return api;
}

// usePermission caches answers (SWR) for the whole file, so every test here is
// allowed; AppsTable.test.tsx covers denial in a fresh module registry.
function render(api: FakeSkipFleetApi) {
  const permission = AuthorizeResult.ALLOW;
  // The legacy test app: core-components' LogViewer needs the legacy app context.
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [skipFleetApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize: permission })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntitySkipAppsContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntitySkipAppsContent', () => {
  it('shows a failing app by environment with its failing resource and why', async () => {
    const api = fakeApi();
    await render(api);

    expect(
      await screen.findByRole('heading', { name: 'prod' }),
    ).toBeInTheDocument();
    expect(api.appQueries).toEqual([{ entityRef: 'component:default/foo' }]);
    const headings = screen
      .getAllByRole('heading', { level: 2 })
      .map(h => h.textContent);
    expect(headings.indexOf('dev')).toBeLessThan(headings.indexOf('prod'));

    expect(
      screen.getByRole('button', { name: 'Deployment foo-api' }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 of 2 pods ready')).toBeInTheDocument();
    expect(
      screen.getByText('ghcr.io/kartverket/foo-api:1.5.0-typo'),
    ).toBeInTheDocument();
    expect(screen.getByText('0/2')).toBeInTheDocument();
    // The healthy Service is not listed as a problem.
    expect(
      screen.queryByRole('button', { name: 'Service foo-api' }),
    ).toBeNull();

    // Prod's cluster is unreachable: a banner names it and the age of its data, rows stay.
    expect(
      screen.getByText(/Cluster atkv3-prod is unreachable/),
    ).toBeInTheDocument();
    expect(screen.getByText(/from 2 minutes ago/)).toBeInTheDocument();
  });

  it('opens the drill-down of a failing resource with a plain summary, events and log lines', async () => {
    const api = fakeApi();
    api.followChunks = ['pulled again\n'];
    await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Deployment foo-api' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Deployment foo-api',
    });
    expect(
      await within(dialog).findByText('Image not found'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /cannot pull ghcr.io\/kartverket\/foo-api:1.5.0-typo/,
      ),
    ).toBeInTheDocument();
    const events = within(dialog).getByRole('region', { name: 'Events' });
    expect(
      within(events).getByText(/Failed to pull image/),
    ).toBeInTheDocument();
    const pods = within(dialog).getByRole('region', { name: 'Pods' });
    expect(within(pods).getByText(/ImagePullBackOff/)).toBeInTheDocument();

    expect(
      await within(dialog).findByText('starting foo-api 1.5.0'),
    ).toBeInTheDocument();

    const follow = within(dialog).getByRole('button', { name: 'Follow logs' });
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(follow);
    expect(await within(dialog).findByText('pulled again')).toBeInTheDocument();
    expect(follow).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks Argo CD to sync a prod app only after a confirmation that names the app and cluster', async () => {
    const api = fakeApi();
    await render(api);
    const row = (await screen.findByText('atkv3-prod')).closest('tr')!;
    const sync = within(row).getByRole('button', {
      name: 'Sync foo-main-foo-api',
    });
    await waitFor(() => expect(sync).toBeEnabled());
    await userEvent.click(sync);
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent(/foo-main-foo-api/);
    expect(confirm).toHaveTextContent(/atkv3-prod/);
    expect(api.actions).toEqual([]);
    await userEvent.click(
      within(confirm).getByRole('button', {
        name: 'Sync foo-main-foo-api on atkv3-prod',
      }),
    );
    await waitFor(() =>
      expect(api.actions).toEqual(['sync argocd-prod/foo-main-foo-api']),
    );
  });
});
