import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  skipFleetApiRef,
  skipUpgradesApiRef,
} from '@internal/plugin-skip-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { clusterRow, devClusterDetails } from '../../__testUtils__/clusters';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { ClusterPage } from '../ClusterPage';
import { FakeSkipUpgradesApi } from '../UpgradesPage/__testUtils__/FakeSkipUpgradesApi';
import { FleetPage } from './FleetPage';

/** The demo fleet's shape: an admin cluster for sandbox, dev and test, one for prod. */
function demoFleet() {
  const api = new FakeSkipFleetApi();
  api.clusters = {
    generatedAt: new Date().toISOString(),
    items: [
      clusterRow('atkv3-prod', 'prod', {
        adminCluster: 'atkv3-admin-prod',
        freshness: {
          reachability: 'unreachable',
          error: 'cannot be reached',
          lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        },
      }),
      clusterRow('atgcp1-prod', 'prod', { kubernetes: 'v1.30.10-gke.1070000' }),
      clusterRow('atkv3-prod2', 'prod', { adminCluster: 'atkv3-admin-prod' }),
      clusterRow('atkv3-dev', 'dev'),
      clusterRow('atkv3-sandbox', 'sandbox'),
      clusterRow('atkv3-test', 'test'),
      clusterRow('atkv3-admin-nonprod', 'test', { role: 'admin' }),
      clusterRow('atkv3-admin-prod', 'prod', { role: 'admin' }),
    ],
  };
  api.clusterDetails.set('atkv3-dev', devClusterDetails());
  return api;
}

/** The SKIP page's own routes, as plugin.tsx mounts them under /skip. */
const skipPage = (
  <Routes>
    <Route path="/" element={<FleetPage />} />
    <Route path="/clusters/:cluster" element={<ClusterPage />} />
  </Routes>
);

const renderSkipPage = (
  api: FakeSkipFleetApi,
  upgrades = new FakeSkipUpgradesApi(),
) =>
  renderInTestApp(skipPage, {
    apis: [
      [skipFleetApiRef, api],
      [skipUpgradesApiRef, upgrades],
    ],
    mountPath: '/skip/*',
    initialRouteEntries: ['/skip'],
  });

/** A user cluster's row (the admin clusters' table links to it too). */
const rowOf = (name: string) =>
  within(screen.getAllByRole('table')[0])
    .getByRole('link', { name })
    .closest('tr')!;
const namesIn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(r => within(r).getAllByRole('link')[0].textContent);

describe('FleetPage', () => {
  it('lists user clusters in promotion order, status first, and admin clusters apart with the clusters they manage', async () => {
    await renderSkipPage(demoFleet());

    const [clusters, admins] = await screen.findAllByRole('table');
    expect(namesIn(clusters)).toEqual([
      'atkv3-sandbox',
      'atkv3-dev',
      'atkv3-test',
      'atgcp1-prod',
      'atkv3-prod',
      'atkv3-prod2',
    ]);
    expect(within(clusters).getAllByRole('columnheader')[0]).toHaveTextContent(
      'Status',
    );
    // The admin cluster of sandbox, dev and test is not listed under "test".
    expect(namesIn(admins)).toEqual([
      'atkv3-admin-nonprod',
      'atkv3-admin-prod',
    ]);
    const nonprod = within(admins).getAllByRole('row')[1];
    expect(
      within(nonprod)
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual([
      'atkv3-admin-nonprod',
      'atkv3-sandbox',
      'atkv3-dev',
      'atkv3-test',
    ]);

    const unreachable = rowOf('atkv3-prod');
    expect(within(unreachable).getByText('Unreachable')).toBeInTheDocument();
    expect(within(unreachable).getByText(/last seen/)).toHaveTextContent(
      'last seen 5 minutes ago',
    );
    expect(screen.getByText(/Updated \d+ seconds? ago/)).toBeInTheDocument();
  });

  it('links to cluster upgrades, access and onboarding', async () => {
    await renderSkipPage(demoFleet());

    await screen.findAllByRole('table');
    for (const [name, href] of [
      ['Cluster upgrades', '/skip/upgrades'],
      ['Access', '/skip/access'],
      ['Onboarding', '/skip/onboarding'],
    ]) {
      // A link drawn as a button: MUI gives it role=button.
      expect(screen.getByRole('button', { name }).closest('a')).toHaveAttribute(
        'href',
        href,
      );
    }
  });

  it('highlights a version that differs from the other clusters of its environment, and only that one', async () => {
    const api = demoFleet();
    api.clusters.items.find(
      c => c.metadata.name === 'atkv3-test',
    )!.upgradeInProgress = { targetVersion: '1.30.400-gke.133' };
    await renderSkipPage(api);
    await screen.findAllByRole('table');
    // A running upgrade is told in the version column.
    expect(
      within(rowOf('atkv3-test')).getByText('upgrading to 1.30.400-gke.133'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('atgcp1-prod')).getByLabelText(
        'v1.30.10-gke.1070000, differs from v1.30.6-gke.1700',
      ),
    ).toBeInTheDocument();
    expect(within(rowOf('atkv3-prod2')).queryByText(/differs from/)).toBeNull();
    expect(within(rowOf('atkv3-dev')).queryByText(/differs from/)).toBeNull();
  });

  it('links a running upgrade to the run the cluster is in', async () => {
    const api = demoFleet();
    for (const name of ['atkv3-test', 'atkv3-dev']) {
      api.clusters.items.find(
        c => c.metadata.name === name,
      )!.upgradeInProgress = { targetVersion: '1.31.200-gke.59' };
    }
    const upgrades = new FakeSkipUpgradesApi();
    const summary = {
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'ladder' as const },
      createdBy: 'user:default/pia',
      createdAt: new Date().toISOString(),
      progress: { done: 3, total: 8 },
    };
    upgrades.runs = [
      { ...summary, id: 'run-old', state: 'aborted', clusters: ['atkv3-dev'] },
      {
        ...summary,
        id: 'run-9',
        state: 'running',
        clusters: ['atkv3-admin-nonprod', 'atkv3-test'],
      },
    ];
    await renderSkipPage(api, upgrades);
    await screen.findAllByRole('table');

    expect(
      await within(rowOf('atkv3-test')).findByRole(
        'link',
        { name: 'upgrading to 1.31.200-gke.59' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/skip/upgrades/runs/run-9');
    // An upgrade the admin cluster reports outside an active run is told, without a link.
    const dev = within(rowOf('atkv3-dev'));
    expect(dev.getByText('upgrading to 1.31.200-gke.59')).toBeInTheDocument();
    expect(
      dev.queryByRole('link', { name: 'upgrading to 1.31.200-gke.59' }),
    ).toBeNull();
  });

  it('filters clusters by every word typed, an admin cluster finding the clusters it manages', async () => {
    await renderSkipPage(demoFleet());
    await screen.findAllByRole('table');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter clusters' }),
      'ATKV3 admin-prod',
    );
    const [clusters, admins] = screen.getAllByRole('table');
    expect(namesIn(clusters)).toEqual(['atkv3-prod', 'atkv3-prod2']);
    expect(namesIn(admins)).toEqual(['atkv3-admin-prod']);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter clusters' }),
      ' nothing-like-this',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/No cluster matches/)).toBeInTheDocument();
  });

  it("opens a cluster's page when its row is clicked", async () => {
    await renderSkipPage(demoFleet());
    await screen.findAllByRole('table');
    await userEvent.click(within(rowOf('atkv3-dev')).getByText('3/3'));
    expect(
      await screen.findByRole('heading', { name: 'atkv3-dev' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('atkv3-dev-pool-1-abc-2'),
    ).toBeInTheDocument();
  });

  it('says so when no cluster is configured', async () => {
    await renderInTestApp(<FleetPage />, {
      apis: [
        [skipFleetApiRef, new FakeSkipFleetApi()],
        [skipUpgradesApiRef, new FakeSkipUpgradesApi()],
      ],
    });
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
  });

  it('shows why the fleet cannot be loaded, and loads it on Retry', async () => {
    const api = new FakeSkipFleetApi();
    const listClusters = api.listClusters.bind(api);
    api.listClusters = async () => {
      throw new Error('skip-fleet is down');
    };
    await renderInTestApp(<FleetPage />, {
      apis: [
        [skipFleetApiRef, api],
        [skipUpgradesApiRef, new FakeSkipUpgradesApi()],
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the fleet');
    expect(alert).toHaveTextContent('skip-fleet is down');

    api.listClusters = listClusters;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('No clusters configured'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
