import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { UpgradeRunPage } from '../UpgradeRunPage';
import {
  backendError,
  FakeSkipUpgradesApi,
} from './__testUtils__/FakeSkipUpgradesApi';
import { upgradePlan, upgradeRun } from './__testUtils__/upgradeFixtures';
import { UpgradesPage } from './UpgradesPage';

/** The SKIP page's upgrade routes, as plugin.tsx mounts them under /skip. */
const skipPage = (
  <Routes>
    <Route path="/upgrades" element={<UpgradesPage />} />
    <Route path="/upgrades/runs/:runId" element={<UpgradeRunPage />} />
  </Routes>
);

const renderUpgrades = (api: FakeSkipUpgradesApi) =>
  renderInTestApp(skipPage, {
    apis: [[skipUpgradesApiRef, api], mockApis.permission()],
    mountPath: '/skip/*',
    initialRouteEntries: ['/skip/upgrades'],
  });

describe('UpgradesPage', () => {
  it("shows every cluster's release, what blocks it and its active run, and the workstations' gkectl", async () => {
    const api = new FakeSkipUpgradesApi();
    await renderUpgrades(api);

    const dev = (
      await screen.findByRole('link', { name: 'atkv3-dev' })
    ).closest('tr')!;
    expect(
      within(dev).getByText('1 minor, 1 release behind'),
    ).toBeInTheDocument();
    expect(within(dev).getByText('1.31.200-gke.59')).toBeInTheDocument();
    expect(
      within(dev).getByRole('link', { name: 'In run run-7' }),
    ).toHaveAttribute('href', '/skip/upgrades/runs/run-7');
    const prod = screen
      .getByRole('link', { name: 'atkv3-prod' })
      .closest('tr')!;
    expect(
      within(prod).getByText(/Blocked: kubeception control planes must move/),
    ).toBeInTheDocument();
    const admin = screen
      .getByRole('link', { name: 'atkv3-admin-nonprod' })
      .closest('tr')!;
    expect(within(admin).getByText('up to date')).toBeInTheDocument();
    const workstations = screen.getByRole('list', {
      name: 'Admin workstations',
    });
    expect(workstations).toHaveTextContent('kv3: gkectl 1.31.200-gke.59');
    expect(workstations).toHaveTextContent(
      'gcp1: not answering: connection refused',
    );
  });

  it('previews the plan with its order, clusters, left-out clusters and every step with its exact command', async () => {
    const api = new FakeSkipUpgradesApi();
    api.plan = upgradePlan();
    await renderUpgrades(api);

    const start = await screen.findByRole('button', { name: 'Start run' });
    expect(start).toBeDisabled();
    await userEvent.selectOptions(
      screen.getByLabelText('Scope'),
      'environment',
    );
    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'dev');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Approval before prod' }),
    );
    await userEvent.type(screen.getByLabelText('Soak seconds'), '600');
    await userEvent.click(screen.getByRole('button', { name: 'Preview plan' }));

    expect(
      await screen.findByText(/Order: admin clusters first/),
    ).toBeInTheDocument();
    expect(api.planRequests).toEqual([
      {
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'environment', environment: 'dev' },
        gates: { approvalBefore: ['prod'], soakSeconds: 600 },
      },
    ]);
    for (const s of api.plan.stages.flatMap(stage => stage.steps)) {
      expect(screen.getByText(s.display!)).toBeInTheDocument();
    }
    const prodStage = screen
      .getByRole('heading', { name: 'Stage: prod' })
      .closest('section')!;
    expect(
      within(prodStage).getByText('Upgrade the admin cluster atkv3-admin-prod'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'From 1.31 an admin cluster goes before its user clusters',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Left out' })).toHaveTextContent(
      'atkv3-prod: kubeception control plane: migrate first',
    );
    expect(screen.getByText(/usually ~45 min/)).toBeInTheDocument();
    expect(start).toBeEnabled();
  });

  it('shows a refused plan with the rules it breaks, and nothing to start', async () => {
    const api = new FakeSkipUpgradesApi();
    api.planError = await backendError(
      409,
      'ConflictError',
      'admin-first: atkv3-admin-prod must run 1.31.200-gke.59 before atkv3-prod',
    );
    await renderUpgrades(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Preview plan' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The plan was refused');
    expect(alert).toHaveTextContent(
      'admin-first: atkv3-admin-prod must run 1.31.200-gke.59 before atkv3-prod',
    );
    expect(screen.getByRole('button', { name: 'Start run' })).toBeDisabled();
  });

  it('starts the previewed plan by its digest and opens the run', async () => {
    const api = new FakeSkipUpgradesApi();
    api.plan = upgradePlan();
    api.runById.set('run-7', upgradeRun());
    await renderUpgrades(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Preview plan' }),
    );
    await screen.findByText(/Order: admin clusters first/);
    await userEvent.click(screen.getByRole('button', { name: 'Start run' }));

    expect(
      await screen.findByRole('heading', { name: 'Upgrade run run-7' }),
    ).toBeInTheDocument();
    expect(api.startRequests).toEqual([
      {
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'ladder' },
        planDigest: 'd'.repeat(64),
      },
    ]);
  });

  it('says why a start was refused and asks for a new preview', async () => {
    const api = new FakeSkipUpgradesApi();
    api.plan = upgradePlan();
    api.startError = await backendError(
      409,
      'ConflictError',
      'atkv3-dev already has an active run (run-6)',
    );
    await renderUpgrades(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Preview plan' }),
    );
    await screen.findByText(/Order: admin clusters first/);
    await userEvent.click(screen.getByRole('button', { name: 'Start run' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The run was not started');
    expect(alert).toHaveTextContent(
      'atkv3-dev already has an active run (run-6)',
    );
    expect(alert).toHaveTextContent('Preview the plan again');
    expect(screen.getByRole('button', { name: 'Start run' })).toBeDisabled();
  });

  it('lists the runs with their state, who started them and how far they got', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runs = [
      {
        id: 'run-7',
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'environment', environment: 'dev' },
        state: 'waiting',
        createdBy: 'user:default/kari',
        createdAt: new Date().toISOString(),
        clusters: ['atkv3-dev'],
        currentStep: 'Approval before prod',
        progress: { done: 3, total: 8 },
      },
    ];
    await renderUpgrades(api);

    const row = (await screen.findByRole('link', { name: 'run-7' })).closest(
      'tr',
    )!;
    expect(row).toHaveTextContent('Waiting');
    expect(row).toHaveTextContent('environment dev');
    expect(row).toHaveTextContent('user:default/kari');
    expect(row).toHaveTextContent('3/8 steps');
    expect(row).toHaveTextContent('Approval before prod');
  });
});
