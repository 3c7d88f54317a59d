import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { appsResponse, failingDeployment } from '../../__testUtils__/fixtures';
import { failingTree, healthyTree } from '../ResourceTree/treeFixtures';
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
    'foo-api-7d9f8-abcde/istio-proxy',
    'starting foo-api 1.5.0\nwaiting for image\n',
  );
  api.trees.set('atkv3-prod/foo-main/foo-api', failingTree());
  api.trees.set('atkv3-dev/foo-main/foo-api', healthyTree());
  return api;
}

/** The page's URL query, shown so a test can read what a reload would open. */
function CurrentSearch() {
  return <output aria-label="URL query">{useLocation().search}</output>;
}

// usePermission caches answers (SWR) for the whole file, so every test here is
// allowed; AppsTable.test.tsx covers denial in a fresh module registry.
function render(api: FakeSkipFleetApi, url = '/') {
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
        <CurrentSearch />
      </EntityProvider>
    </TestApiProvider>,
    { routeEntries: [url] },
  );
}

describe('EntitySkipAppsContent', () => {
  it('shows the state per environment on top and one table in promotion order, with the failing resource and why', async () => {
    const api = fakeApi();
    await render(api);

    // The strip: every environment in promotion order, with its state.
    const strip = await screen.findByRole('list', { name: 'Environments' });
    const environments = within(strip).getAllByRole('listitem');
    expect(environments.map(e => e.getAttribute('aria-label'))).toEqual([
      'sandbox',
      'dev',
      'test',
      'prod',
    ]);
    expect(environments[0]).toHaveTextContent('Not deployed');
    expect(environments[1]).toHaveTextContent('Healthy');
    expect(environments[1]).toHaveTextContent('1.4.0');
    expect(environments[2]).toHaveTextContent('Not deployed');
    expect(environments[3]).toHaveTextContent('Failing');
    expect(environments[3]).toHaveTextContent('1.5.0-typo');
    expect(api.appQueries).toEqual([{ entityRef: 'component:default/foo' }]);

    // One table, one row per app, dev before prod.
    expect(screen.getAllByRole('table')).toHaveLength(1);
    const rows = screen
      .getAllByRole('row')
      .map(r => r.textContent ?? '')
      .filter(text => text.includes('atkv3-'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^dev\s*atkv3-dev/);
    expect(rows[1]).toMatch(/^prod\s*atkv3-prod/);

    const prodRow = screen.getByText('atkv3-prod').closest('tr')!;
    expect(
      within(prodRow).getByRole('button', { name: 'Deployment foo-api' }),
    ).toBeInTheDocument();
    expect(within(prodRow).getByText('0 of 2 pods ready')).toBeInTheDocument();
    expect(
      within(prodRow).getByText('ghcr.io/kartverket/foo-api:1.5.0-typo'),
    ).toBeInTheDocument();
    expect(within(prodRow).getByText('0/2')).toBeInTheDocument();
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

  it('opens a row to show what the app is made of, healthy resources too, and keeps it open across updates', async () => {
    const api = fakeApi();
    await render(api);
    const toggle = await screen.findByRole('button', {
      name: 'Details of foo-api on atkv3-prod',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('region', {
        name: 'Details of foo-api on atkv3-prod',
      }),
    ).toBeNull();

    await userEvent.click(toggle);
    const details = await screen.findByRole('region', {
      name: 'Details of foo-api on atkv3-prod',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const tree = within(details).getByRole('region', {
      name: 'Resource tree',
    });
    expect(
      await within(tree).findByRole('button', { name: 'Service foo-api' }),
    ).toBeInTheDocument();
    expect(
      within(tree).getByRole('button', { name: 'Deployment foo-api' }),
    ).toBeInTheDocument();
    // The open row is in the URL, so a reload or a shared link opens it too.
    expect(screen.getByLabelText('URL query')).toHaveTextContent(
      '?app=atkv3-prod%2Ffoo-main%2Ffoo-api',
    );

    // A newer answer (a signal or poll) does not close the open row.
    api.apps = appsResponse();
    api.apps.items[0] = {
      ...api.apps.items[0],
      replicas: { desired: 2, ready: 1 },
    };
    fireEvent(document, new Event('visibilitychange'));
    await waitFor(() => expect(api.appQueries.length).toBeGreaterThan(1));
    await waitFor(() => expect(screen.getByText('1/2')).toBeInTheDocument());
    expect(
      screen.getByRole('region', { name: 'Details of foo-api on atkv3-prod' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(tree).getByRole('button', { name: 'Service foo-api' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Service foo-api' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('URL query')).toHaveTextContent(
      'resource=atkv3-prod%2Ffoo-main%2FService%2Ffoo-api',
    );

    await userEvent.click(toggle);
    await waitFor(() =>
      expect(screen.getByLabelText('URL query')).not.toHaveTextContent('app='),
    );
  });

  it('opens the row and the drill-down a URL names, as after a reload, and forgets the drill-down on close', async () => {
    const api = fakeApi();
    api.resources.set('atkv3-prod/foo-main/Pod/foo-api-7d9f8-abcde', {
      ...failingDeployment,
      kind: 'Pod',
      apiVersion: 'v1',
      name: 'foo-api-7d9f8-abcde',
    });
    await render(
      api,
      '/?app=atkv3-prod/foo-main/foo-api&resource=atkv3-prod/foo-main/Pod/foo-api-7d9f8-abcde',
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Pod foo-api-7d9f8-abcde',
    });
    expect(
      await within(dialog).findByText('Image not found'),
    ).toBeInTheDocument();
    // Its live YAML, as the backend sent it (managed fields already gone).
    expect(
      within(dialog).getByRole('region', { name: 'YAML' }),
    ).toHaveTextContent('The live object, without managed fields');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('URL query')).toHaveTextContent(
      '?app=atkv3-prod%2Ffoo-main%2Ffoo-api',
    );
    expect(screen.getByLabelText('URL query')).not.toHaveTextContent(
      'resource=',
    );
    // The row stays open behind it, with the failing pod and why.
    const details = screen.getByRole('region', {
      name: 'Details of foo-api on atkv3-prod',
    });
    expect(
      await within(details).findByRole('button', {
        name: 'Pod foo-api-7d9f8-abcde',
      }),
    ).toBeInTheDocument();
    expect(
      within(details).getAllByText(
        'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo',
      ).length,
    ).toBeGreaterThan(0);
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

    // foo-api never ran (no log yet, and the list says why): the log opens on the sidecar.
    expect(
      await within(dialog).findByText(/starting foo-api 1\.5\.0/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('option', {
        name: 'foo-api (waiting: image not found)',
      }),
    ).toBeInTheDocument();

    const follow = within(dialog).getByRole('group', {
      name: 'Follow the log',
    });
    expect(follow).toHaveTextContent('Stopped');
    await userEvent.click(
      within(follow).getByRole('button', { name: 'Follow' }),
    );
    expect(await within(dialog).findByText(/pulled again/)).toBeInTheDocument();
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
