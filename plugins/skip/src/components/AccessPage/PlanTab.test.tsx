import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accessRules,
  clusterPlan,
  DEVELOPER_RIGHTS,
} from '../../__testUtils__/accessFixtures';
import {
  backendError,
  FakeSkipAccessApi,
} from '../../__testUtils__/fakeSkipAccessApi';
import { renderAccessPage } from './__testUtils__/renderAccessPage';

describe('AccessPage plan', () => {
  it("shows a down cluster as one line with its error while the other clusters' changes render", async () => {
    await renderAccessPage(new FakeSkipAccessApi(), '/skip/access/plan');

    const down = await screen.findByLabelText('Plan of atgcp1-dev');
    expect(down).toHaveTextContent(
      'atgcp1-dev (dev) could not be planned: connect ECONNREFUSED 10.0.0.7:443',
    );
    expect(within(down).queryByRole('listitem')).toBeNull();

    const dev = screen.getByRole('region', { name: 'Plan of atkv3-dev' });
    expect(dev).toHaveTextContent(
      'dev · 1 to create, 0 to update, 0 to delete, 2 unchanged',
    );
    const change = within(dev).getByRole('listitem', {
      name: 'create RoleBinding matrikkel-api/skip-access-matrikkel-dev-view',
    });
    expect(change).toHaveTextContent(
      'role view for aad-tf-team-matrikkel@kartverket.no',
    );
    expect(change).toHaveTextContent(
      'rule matrikkel-dev-view wants view in matrikkel-api',
    );
    expect(
      within(change).getByLabelText(/^Diff of create RoleBinding/),
    ).toHaveTextContent('+ kind: RoleBinding+ roleRef: view');
    expect(
      within(dev).getByRole('list', { name: 'Conflicts on atkv3-dev' }),
    ).toHaveTextContent(
      'RoleBinding matrikkel-web/skip-access-matrikkel-dev-view: exists without the managed-by label',
    );
  });

  it('offers no apply without the right', async () => {
    const api = new FakeSkipAccessApi();
    api.rules = accessRules(DEVELOPER_RIGHTS);
    await renderAccessPage(api, '/skip/access/plan');

    await screen.findByRole('region', { name: 'Plan of atkv3-dev' });
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
  });

  it("applies the plan by its digest after asking, shows each cluster's result and plans again", async () => {
    const api = new FakeSkipAccessApi();
    api.applyResult = {
      clusters: [
        {
          cluster: 'atkv3-dev',
          outcome: 'applied',
          created: 1,
          updated: 0,
          deleted: 0,
          errors: [],
        },
        {
          cluster: 'atgcp1-dev',
          outcome: 'failed',
          created: 0,
          updated: 0,
          deleted: 0,
          errors: ['connect ECONNREFUSED 10.0.0.7:443'],
        },
      ],
    };
    await renderAccessPage(api, '/skip/access/plan');

    await userEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(api.applied).toEqual([]);
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply' }),
    );

    const result = await screen.findByRole('list', { name: 'Apply result' });
    expect(result).toHaveTextContent(
      'atkv3-dev: applied (1 created, 0 updated, 0 deleted)',
    );
    expect(result).toHaveTextContent(
      'atgcp1-dev: failed (0 created, 0 updated, 0 deleted)connect ECONNREFUSED 10.0.0.7:443',
    );
    expect(api.applied).toEqual([{ planDigest: 'c'.repeat(64) }]);
    await waitFor(() =>
      expect(api.calls.filter(c => c === 'getPlan')).toHaveLength(2),
    );
  });

  it("applies one cluster's part by the digest of that cluster's plan", async () => {
    const api = new FakeSkipAccessApi();
    await renderAccessPage(api, '/skip/access/plan');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Apply atkv3-dev' }),
    );
    // The backend answers the one-cluster plan with its own digest.
    api.plan = { ...api.plan, digest: 'd'.repeat(64) };
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply' }),
    );

    await waitFor(() =>
      expect(api.applied).toEqual([
        { planDigest: 'd'.repeat(64), clusters: ['atkv3-dev'] },
      ]),
    );
    expect(api.calls).toContain('getPlan atkv3-dev');
  });

  it('says when the plan changed since it was shown, and plans again', async () => {
    const api = new FakeSkipAccessApi();
    api.applyError = await backendError(
      409,
      'ConflictError',
      'The plan changed since it was previewed',
    );
    await renderAccessPage(api, '/skip/access/plan');

    await userEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Apply' }),
    );

    expect(
      await screen.findByText(/The plan changed since you saw it/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.calls.filter(c => c === 'getPlan')).toHaveLength(2),
    );
  });

  it('keeps apply disabled, with the reason, for an escalating plan without the approve permission', async () => {
    const api = new FakeSkipAccessApi();
    api.rules = accessRules({
      writeRules: true,
      apply: true,
      approveEscalation: false,
    });
    const escalating = clusterPlan('atkv3-test', { environment: 'test' });
    escalating.changes[0] = {
      ...escalating.changes[0],
      role: 'cluster-admin',
      escalating: true,
    };
    api.plan = {
      ...api.plan,
      clusters: [...api.plan.clusters, escalating],
    };
    await renderAccessPage(api, '/skip/access/plan');

    expect(await screen.findByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Apply atkv3-test' }),
    ).toBeDisabled();
    // A cluster without escalating changes can still be applied on its own.
    expect(
      screen.getByRole('button', { name: 'Apply atkv3-dev' }),
    ).toBeEnabled();
    expect(
      screen.getAllByText(/only someone with the approve-escalation permission/)
        .length,
    ).toBeGreaterThan(0);
  });
});
