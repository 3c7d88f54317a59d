import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ClusterWarnings } from './ClusterWarnings';

describe('ClusterWarnings', () => {
  it('warns about each cluster that is unreachable or silent, with the age of its data and why', async () => {
    await renderInTestApp(
      <ClusterWarnings
        clusters={[
          {
            cluster: 'atkv3-dev',
            reachability: 'reachable',
            lastSeenAt: new Date().toISOString(),
          },
          {
            cluster: 'atkv3-prod',
            reachability: 'unreachable',
            error: 'connect ETIMEDOUT',
            lastSeenAt: new Date(Date.now() - 2 * 60_000).toISOString(),
          },
          { cluster: 'atgcp1-test', reachability: 'pending' },
        ]}
      />,
    );
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toHaveTextContent('Cluster atkv3-prod is unreachable');
    expect(alerts[0]).toHaveTextContent(
      'Its data shown here is from 2 minutes ago. connect ETIMEDOUT',
    );
    expect(alerts[1]).toHaveTextContent(
      'Cluster atgcp1-test has not answered yet',
    );
    expect(alerts[1]).toHaveTextContent('No data from it is shown.');
    expect(screen.queryByText(/atkv3-dev/)).toBeNull();
  });

  it('shows nothing when every cluster answers', async () => {
    await renderInTestApp(
      <ClusterWarnings
        clusters={[{ cluster: 'atkv3-dev', reachability: 'reachable' }]}
      />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
