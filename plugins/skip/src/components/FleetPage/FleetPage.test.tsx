import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ClusterStatus, Environment } from '@internal/plugin-skip-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { FleetPage } from './FleetPage';

function cluster(
  name: string,
  environment: Environment,
  freshness: Partial<ClusterStatus['freshness']> = {},
): ClusterStatus {
  return {
    metadata: {
      name,
      environment,
      site: name.startsWith('atgcp') ? 'europe-north1' : 'kv-site-1',
      platform: name.startsWith('atgcp') ? 'gke' : 'anthos-vmware',
      controlPlane: name.startsWith('atgcp')
        ? 'gke-managed'
        : 'controlplane-v2',
      role: 'user',
      adminCluster: name.startsWith('atgcp') ? undefined : 'atkv3-admin',
    },
    versions: { kubernetes: 'v1.31.5', platform: '1.31.200-gke.59' },
    nodes: { ready: 3, total: 3 },
    freshness: {
      cluster: name,
      reachability: 'reachable',
      lastSeenAt: new Date().toISOString(),
      ...freshness,
    },
  };
}

describe('FleetPage', () => {
  it('groups clusters by environment in promotion order and shows an unreachable cluster in its row', async () => {
    const api = new FakeSkipFleetApi();
    api.clusters = {
      generatedAt: new Date().toISOString(),
      items: [
        cluster('atkv3-prod', 'prod', {
          reachability: 'unreachable',
          error: 'connect ETIMEDOUT 10.0.0.1:443',
          lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        }),
        cluster('atgcp1-prod', 'prod'),
        cluster('atkv3-dev', 'dev'),
        cluster('atgcp1-sandbox', 'sandbox'),
        cluster('atkv3-test', 'test'),
      ],
    };

    await renderInTestApp(<FleetPage />, { apis: [[skipFleetApiRef, api]] });

    expect(
      await screen.findByRole('heading', { name: 'Fleet' }),
    ).toBeInTheDocument();
    const environmentHeadings = screen
      .getAllByRole('heading', { level: 2 })
      .map(h => h.textContent)
      .filter(t => ['sandbox', 'dev', 'test', 'prod'].includes(t ?? ''));
    expect(environmentHeadings).toEqual(['sandbox', 'dev', 'test', 'prod']);

    const unreachableRow = screen.getByText('atkv3-prod').closest('tr')!;
    expect(within(unreachableRow).getByText('Unreachable')).toBeInTheDocument();
    expect(
      within(unreachableRow).getByText('connect ETIMEDOUT 10.0.0.1:443'),
    ).toBeInTheDocument();
    expect(within(unreachableRow).getByText(/last seen/)).toHaveTextContent(
      'last seen 5 minutes ago',
    );

    const healthyRow = screen.getByText('atgcp1-prod').closest('tr')!;
    expect(within(healthyRow).getByText('Reachable')).toBeInTheDocument();
    expect(within(healthyRow).getByText('3/3')).toBeInTheDocument();
    expect(screen.getByText(/Updated \d+ seconds? ago/)).toBeInTheDocument();
  });

  it('says so when no cluster is configured', async () => {
    await renderInTestApp(<FleetPage />, {
      apis: [[skipFleetApiRef, new FakeSkipFleetApi()]],
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
    await renderInTestApp(<FleetPage />, { apis: [[skipFleetApiRef, api]] });
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
