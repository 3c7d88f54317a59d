import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { screen } from '@testing-library/react';
import { FakeSkipUpgradesApi } from './__testUtils__/FakeSkipUpgradesApi';
import { upgradeVersions } from './__testUtils__/upgradeFixtures';
import { PlanWizard } from './PlanWizard';

// usePermission caches answers for the whole file, so the denied case has a file of its own.
describe('PlanWizard', () => {
  it('tells a developer that only the platform team plans and starts upgrades', async () => {
    const api = new FakeSkipUpgradesApi();
    await renderInTestApp(<PlanWizard versions={upgradeVersions()} />, {
      apis: [
        [skipUpgradesApiRef, api],
        mockApis.permission({ authorize: AuthorizeResult.DENY }),
      ],
    });

    expect(
      await screen.findByText(
        'Only the platform team plans and starts upgrades.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview plan' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Start run' })).toBeDisabled();
    // The form still shows what could be planned.
    expect(screen.getByLabelText('Target release')).toHaveValue(
      '1.31.200-gke.59',
    );
  });
});
