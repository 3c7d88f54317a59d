import { renderInTestApp } from '@backstage/frontend-test-utils';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeSkipUpgradesApi } from '../UpgradesPage/__testUtils__/FakeSkipUpgradesApi';
import {
  runWaitingForApproval,
  upgradeRun,
} from '../UpgradesPage/__testUtils__/upgradeFixtures';
import { UpgradeRunPage } from './UpgradeRunPage';

const renderRunPage = (api: FakeSkipUpgradesApi, runId = 'run-7') =>
  renderInTestApp(<UpgradeRunPage />, {
    apis: [[skipUpgradesApiRef, api]],
    mountPath: '/skip/upgrades/runs/:runId',
    initialRouteEntries: [`/skip/upgrades/runs/${runId}`],
  });

const stage = (environment: string) =>
  screen
    .getByRole('heading', { name: `Stage: ${environment}` })
    .closest('section')!;

describe('UpgradeRunPage', () => {
  it('shows the stage ladder with every step in order, its state, command and timing', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set('run-7', upgradeRun());
    await renderRunPage(api);

    await screen.findByRole('heading', { name: 'Stage: dev' });
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent)
      .filter(t => t?.startsWith('Stage:'));
    expect(headings).toEqual(['Stage: dev', 'Stage: prod']);

    const dev = within(stage('dev')).getAllByRole('listitem');
    expect(dev.map(li => li.getAttribute('aria-label'))).toEqual([
      'Check atkv3-dev is healthy',
      'Upgrade atkv3-dev',
    ]);
    expect(dev[0]).toHaveTextContent('Succeeded');
    expect(dev[0]).toHaveTextContent('Took 5 min · usually ~5 min');
    expect(dev[1]).toHaveTextContent('Running');
    expect(dev[1]).toHaveTextContent(/Running for 15 min · usually ~45 min/);
    expect(
      within(dev[1]).getByText(
        'gkectl upgrade cluster --kubeconfig kv3/admin.kubeconfig --config atkv3-dev.yaml',
      ),
    ).toBeInTheDocument();
    expect(within(stage('prod')).getAllByRole('listitem')[0]).toHaveTextContent(
      'Not started',
    );
    expect(screen.getByText('Upgrade to 1.31.200-gke.59')).toBeInTheDocument();
    expect(screen.getByText('Started by').parentElement).toHaveTextContent(
      'user:default/kari',
    );
    // The audit trail at the bottom.
    expect(screen.getByText('step succeeded')).toBeInTheDocument();
  });

  it('disables Approve of a waiting gate for a viewer who may not, and says why', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set(
      'run-7',
      runWaitingForApproval({
        allowed: false,
        reason:
          'You started this run; another platform-team member must approve prod',
      }),
    );
    await renderRunPage(api);

    const gate = await waitFor(() =>
      within(stage('prod')).getByRole('listitem', {
        name: 'Approval before prod',
      }),
    );
    expect(gate).toHaveTextContent(
      'Waits for a platform-team member to approve prod',
    );
    const approve = within(gate).getByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(
      'You started this run; another platform-team member must approve prod',
    );
    expect(
      within(gate).getByText(
        'You started this run; another platform-team member must approve prod',
      ),
    ).toBeVisible();
  });

  it('approves a waiting gate for a viewer who may, and shows the run it answers with', async () => {
    const api = new FakeSkipUpgradesApi();
    const waiting = runWaitingForApproval({ allowed: true });
    api.runById.set('run-7', waiting);
    const approved = runWaitingForApproval({ allowed: true });
    approved.state = 'running';
    approved.steps[2] = {
      ...approved.steps[2],
      state: 'succeeded',
      approvedBy: 'user:default/ola',
      message: undefined,
    };
    api.after.set('approveStep', approved);
    await renderRunPage(api);

    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect(approve).toBeEnabled();
    await userEvent.click(approve);

    expect(
      await screen.findByText('Approved by user:default/ola'),
    ).toBeInTheDocument();
    expect(api.calls).toContain('approveStep run-7 prod/approval/before');
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('asks before aborting, with an optional reason, then aborts', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set('run-7', upgradeRun());
    api.after.set(
      'abortRun',
      upgradeRun({ state: 'aborted', message: 'Aborted by user:default/ola' }),
    );
    await renderRunPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Abort run' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The run stops for good');
    expect(api.calls.some(c => c.startsWith('abortRun'))).toBe(false);
    await userEvent.type(
      within(dialog).getByLabelText('Reason (optional)'),
      'wrong window',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abort run' }),
    );

    expect(
      await screen.findByText('Aborted by user:default/ola'),
    ).toBeInTheDocument();
    expect(api.calls).toContain('abortRun run-7 reason=wrong window');
    // An ended run has nothing left to pause or abort.
    expect(
      screen.queryByRole('button', { name: 'Pause' }),
    ).not.toBeInTheDocument();
  });

  it('does not abort when the confirmation is cancelled', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set('run-7', upgradeRun());
    await renderRunPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Abort run' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.calls.some(c => c.startsWith('abortRun'))).toBe(false);
  });

  it('skips a cluster only with a written reason', async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set('run-7', upgradeRun());
    await renderRunPage(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Skip cluster atkv3-admin-prod',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Skip cluster',
    });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'ok');
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Reason'), ' later');
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(api.calls).toContain(
        'skipCluster run-7 atkv3-admin-prod reason=ok later',
      ),
    );
  });

  it("shows the running step's output and appends new lines as they come", async () => {
    const api = new FakeSkipUpgradesApi();
    api.runById.set('run-7', upgradeRun());
    const key = 'dev/upgrade-user-cluster/atkv3-dev';
    const at = new Date().toISOString();
    api.output.set(key, [
      {
        seq: 1,
        attempt: 1,
        stream: 'portal',
        line: 'Running on kv3 admin workstation',
        at,
      },
      {
        seq: 2,
        attempt: 1,
        stream: 'stdout',
        line: 'Upgrading control plane',
        at,
      },
      { seq: 3, attempt: 1, stream: 'stderr', line: 'W0101 slow etcd', at },
    ]);
    await renderRunPage(api);

    const log = await screen.findByRole('log', {
      name: 'Output lines of Upgrade atkv3-dev',
    });
    await waitFor(() =>
      expect(log).toHaveTextContent('Upgrading control plane'),
    );
    expect(
      within(log).getByText('W0101 slow etcd').closest('[data-stream]'),
    ).toHaveAttribute('data-stream', 'stderr');
    expect(log).toHaveTextContent('err W0101 slow etcd');
    expect(log).toHaveTextContent('portal Running on kv3 admin workstation');

    api.output.get(key)!.push({
      seq: 4,
      attempt: 1,
      stream: 'stdout',
      line: 'Node pool 1/2 done',
      at,
    });
    await waitFor(() => expect(log).toHaveTextContent('Node pool 1/2 done'), {
      timeout: 3000,
    });
    // Appended after what was there, each line once, asked for after the last line seen.
    expect(log.textContent!.indexOf('Upgrading control plane')).toBeLessThan(
      log.textContent!.indexOf('Node pool 1/2 done'),
    );
    expect(within(log).getAllByText('Upgrading control plane')).toHaveLength(1);
    expect(api.calls).toContain(`getStepOutput run-7 ${key} 3`);
  });

  it('says when the run does not exist', async () => {
    await renderRunPage(new FakeSkipUpgradesApi(), 'run-404');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load upgrade run run-404');
    expect(alert).toHaveTextContent("No run 'run-404'");
  });
});
