import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { UpgradeRunSummary } from '@internal/plugin-skip-common';
import {
  skipFleetApiRef,
  skipUpgradesApiRef,
} from '@internal/plugin-skip-react';
import { screen, within } from '@testing-library/react';
import { clusterRow, devClusterDetails } from '../../__testUtils__/clusters';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import {
  backendError,
  FakeSkipUpgradesApi,
} from '../UpgradesPage/__testUtils__/FakeSkipUpgradesApi';
import { ClusterPage } from './ClusterPage';

/** A page that loads twice (the cluster, then its runs) takes seconds on a busy 2-core machine. */
const LOADED = { timeout: 10_000 };

const renderClusterPage = (
  api: FakeSkipFleetApi,
  cluster: string,
  upgrades = new FakeSkipUpgradesApi(),
) =>
  renderInTestApp(<ClusterPage />, {
    apis: [
      [skipFleetApiRef, api],
      [skipUpgradesApiRef, upgrades],
    ],
    mountPath: '/skip/clusters/:cluster',
    initialRouteEntries: [`/skip/clusters/${cluster}`],
  });

describe('ClusterPage', () => {
  it('shows the nodes with their pool, kubelet and readiness, and says why a node is not ready', async () => {
    const api = new FakeSkipFleetApi();
    api.clusterDetails.set('atkv3-dev', devClusterDetails());
    await renderClusterPage(api, 'atkv3-dev');

    expect(
      await screen.findByRole('heading', { name: 'atkv3-dev' }),
    ).toBeInTheDocument();
    const notReady = (
      await screen.findByText('atkv3-dev-pool-1-abc-2', {}, LOADED)
    ).closest('tr')!;
    expect(within(notReady).getByText('Not ready')).toBeInTheDocument();
    expect(within(notReady).getByText('KubeletNotReady')).toBeInTheDocument();
    expect(within(notReady).getByText('v1.30.6-gke.1700')).toBeInTheDocument();
    expect(
      screen.getByText(
        'pool-1: 1/2 ready, kubelet v1.30.6-gke.1700 and v1.30.8-gke.1300',
      ),
    ).toBeInTheDocument();
    // The admin cluster that manages it opens its own page.
    expect(
      screen.getByRole('link', { name: 'atkv3-admin-nonprod' }),
    ).toHaveAttribute('href', '/skip/clusters/atkv3-admin-nonprod');
  });

  it('shows the upgrade run the cluster is in, linking to it, with its state and step', async () => {
    const api = new FakeSkipFleetApi();
    api.clusterDetails.set('atkv3-dev', devClusterDetails());
    const upgrades = new FakeSkipUpgradesApi();
    upgrades.runs = [
      runSummary('run-ended', 'succeeded', ['atkv3-dev']),
      runSummary('run-other', 'running', ['atkv3-test']),
      runSummary('run-7', 'waiting', ['atkv3-admin-nonprod', 'atkv3-dev']),
    ];
    await renderClusterPage(api, 'atkv3-dev', upgrades);

    const card = (
      await screen.findByRole('link', { name: 'Upgrade run run-7' }, LOADED)
    ).closest('article, .MuiCard-root') as HTMLElement;
    expect(
      screen.getByRole('link', { name: 'Upgrade run run-7' }),
    ).toHaveAttribute('href', '/skip/upgrades/runs/run-7');
    expect(card).toHaveTextContent('to 1.31.200-gke.59');
    expect(card).toHaveTextContent('Waiting');
    expect(card).toHaveTextContent('3/8 steps');
    expect(card).toHaveTextContent('Now: Approve the prod stage');
    expect(screen.queryByText(/run-ended|run-other/)).toBeNull();
    expect(upgrades.calls).toContain('listRuns');
  });

  it('says no upgrade is running and links to the upgrades page, or why the runs cannot be loaded', async () => {
    const api = new FakeSkipFleetApi();
    api.clusterDetails.set('atkv3-dev', devClusterDetails());
    const upgrades = new FakeSkipUpgradesApi();
    upgrades.runs = [runSummary('run-other', 'running', ['atkv3-test'])];
    const { unmount } = await renderClusterPage(api, 'atkv3-dev', upgrades);

    expect(
      await screen.findByText('No upgrade running.', {}, LOADED),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Cluster upgrades' }),
    ).toHaveAttribute('href', '/skip/upgrades');
    unmount();

    const failing = new FakeSkipUpgradesApi();
    const error = await backendError(403, 'NotAllowedError', 'Not allowed');
    failing.listRuns = async () => {
      throw error;
    };
    await renderClusterPage(api, 'atkv3-dev', failing);
    expect(
      await screen.findByText(
        /Could not load the upgrade runs: Not allowed/,
        {},
        LOADED,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No upgrade running.')).toBeNull();
  });

  it("lists the apps with their state, linking an app a component claims to that component's SKIP tab", async () => {
    const api = new FakeSkipFleetApi();
    api.clusterDetails.set('atkv3-dev', devClusterDetails());
    await renderClusterPage(api, 'atkv3-dev');

    const claimed = await screen.findByRole('link', { name: 'matrikkel-api' });
    expect(claimed).toHaveAttribute(
      'href',
      '/catalog/default/component/matrikkel-api/skip',
    );
    const row = claimed.closest('tr')!;
    expect(within(row).getByText('Degraded')).toBeInTheDocument();
    expect(within(row).getByText('Synced · Degraded')).toBeInTheDocument();
    expect(within(row).getByText('0/2 ready')).toBeInTheDocument();
    // An app no component claims is listed without a link.
    const orphan = screen.getByText('orphan-job');
    expect(orphan.closest('a')).toBeNull();
    expect(
      within(orphan.closest('tr')!).getByText('not found'),
    ).toBeInTheDocument();
  });

  it('lists the clusters an admin cluster manages, each opening its page', async () => {
    const api = new FakeSkipFleetApi();
    api.clusterDetails.set('atkv3-admin-nonprod', {
      ...devClusterDetails(),
      cluster: clusterRow('atkv3-admin-nonprod', 'test', { role: 'admin' }),
      manages: ['atkv3-dev', 'atkv3-sandbox'],
      apps: [],
    });
    await renderClusterPage(api, 'atkv3-admin-nonprod');

    expect(
      await screen.findByRole('link', { name: 'atkv3-sandbox' }),
    ).toHaveAttribute('href', '/skip/clusters/atkv3-sandbox');
    expect(screen.getByRole('link', { name: 'atkv3-dev' })).toBeInTheDocument();
    expect(
      screen.getByText('No Skiperator apps on this cluster.'),
    ).toBeInTheDocument();
  });

  it('shows a cluster that cannot be reached with its last known nodes and why they are old', async () => {
    const api = new FakeSkipFleetApi();
    const details = devClusterDetails();
    details.cluster = clusterRow('atkv3-dev', 'dev', {
      freshness: {
        reachability: 'unreachable',
        error: 'cannot be reached',
        lastSeenAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      },
    });
    api.clusterDetails.set('atkv3-dev', details);
    await renderClusterPage(api, 'atkv3-dev');

    expect(await screen.findByText('Unreachable')).toBeInTheDocument();
    expect(screen.getByText('cannot be reached')).toBeInTheDocument();
    expect(screen.getByText(/last seen/)).toHaveTextContent(
      'last seen 10 minutes ago',
    );
    expect(screen.getByText('atkv3-dev-pool-1-abc-1')).toBeInTheDocument();
  });

  it('says why a cluster page cannot be loaded', async () => {
    await renderClusterPage(new FakeSkipFleetApi(), 'atkv3-nowhere');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load cluster atkv3-nowhere');
    expect(alert).toHaveTextContent("No cluster 'atkv3-nowhere'");
  });
});

function runSummary(
  id: string,
  state: UpgradeRunSummary['state'],
  clusters: string[],
): UpgradeRunSummary {
  return {
    id,
    targetVersion: '1.31.200-gke.59',
    scope: { kind: 'ladder' },
    state,
    createdBy: 'user:default/pia',
    createdAt: new Date().toISOString(),
    clusters,
    currentStep: 'Approve the prod stage',
    progress: { done: 3, total: 8 },
  };
}
