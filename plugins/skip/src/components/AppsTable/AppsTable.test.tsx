import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { failingApp, healthyApp } from '../../__testUtils__/fixtures';
import { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import { AppsTable } from './AppsTable';

describe('AppsTable', () => {
  it("enables Sync and Refresh only where the user's team owns the namespace, and says why elsewhere", async () => {
    const api = new FakeSkipFleetApi();
    const onOpenResource = jest.fn();
    await renderInTestApp(
      <AppsTable
        apps={[failingApp, healthyApp]}
        onOpenResource={onOpenResource}
      />,
      {
        apis: [
          [skipFleetApiRef, api],
          // The caller's team owns foo-main on the dev cluster only.
          mockApis.permission({
            authorize: request =>
              request.resourceRef === 'atkv3-dev/foo-main'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      },
    );

    const prodRow = screen.getByText('atkv3-prod').closest('tr')!;
    const sync = within(prodRow).getByRole('button', {
      name: 'Sync foo-main-foo-api',
    });
    const refresh = within(prodRow).getByRole('button', {
      name: 'Refresh foo-main-foo-api',
    });
    await waitFor(() =>
      expect(
        within(prodRow).getByTitle(
          'Only the team that owns namespace foo-main on atkv3-prod, and the platform team, may sync this app',
        ),
      ).toBeInTheDocument(),
    );
    expect(sync).toBeDisabled();
    expect(refresh).toBeDisabled();
    expect(within(prodRow).getByText('Synced · Degraded')).toBeInTheDocument();
    expect(within(prodRow).getByText('Failing')).toBeInTheDocument();

    const devRow = screen.getByText('atkv3-dev').closest('tr')!;
    expect(within(devRow).getByText('Synced · Healthy')).toBeInTheDocument();
    expect(within(devRow).getByText('Healthy')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(devRow).getByRole('button', { name: /^Sync / }),
      ).toBeEnabled(),
    );

    await userEvent.click(
      within(prodRow).getByRole('button', { name: 'Deployment foo-api' }),
    );
    expect(onOpenResource).toHaveBeenCalledWith(
      expect.objectContaining({
        cluster: 'atkv3-prod',
        namespace: 'foo-main',
        kind: 'Deployment',
        name: 'foo-api',
        message: '0 of 2 pods ready',
      }),
      expect.objectContaining({ cluster: 'atkv3-prod', name: 'foo-api' }),
    );
    expect(api.actions).toEqual([]);
  });

  it("orders rows sandbox → prod in one table and never shows Skiperator's success message as a problem", async () => {
    const outOfSync: SkiperatorAppSummary = {
      ...healthyApp,
      cluster: 'atkv3-sandbox',
      environment: 'sandbox',
      health: 'Progressing',
      argo: {
        ...healthyApp.argo!,
        sync: { status: 'OutOfSync', revision: '0123456789abcdef' },
      },
    };
    await renderInTestApp(
      <AppsTable
        apps={[failingApp, healthyApp, outOfSync]}
        onOpenResource={jest.fn()}
      />,
      {
        apis: [
          [skipFleetApiRef, new FakeSkipFleetApi()],
          mockApis.permission(),
        ],
      },
    );
    expect(screen.getAllByRole('table')).toHaveLength(1);
    const environments = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(environments).toEqual([
      'sandboxatkv3-sandboxfoo-main',
      'devatkv3-devfoo-main',
      'prodatkv3-prodfoo-main',
    ]);
    const sandboxRow = screen.getByText('atkv3-sandbox').closest('tr')!;
    expect(
      within(sandboxRow).getByText(
        'Out of sync: git has changes Argo CD has not applied yet',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('All subresources synced')).toBeNull();
    // Without details to show, rows do not open.
    expect(screen.queryByRole('button', { name: /^Details of / })).toBeNull();
  });
});
