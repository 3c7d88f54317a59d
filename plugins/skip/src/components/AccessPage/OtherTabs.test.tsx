import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeSkipAccessApi } from '../../__testUtils__/fakeSkipAccessApi';
import { renderAccessPage } from './__testUtils__/renderAccessPage';

describe('AccessPage drift, export and who can do what', () => {
  it('shows the drift findings and repairs a cluster', async () => {
    const api = new FakeSkipAccessApi();
    await renderAccessPage(api, '/skip/access/drift');

    const dev = await screen.findByRole('region', {
      name: 'Drift of atkv3-dev',
    });
    expect(
      within(dev).getByRole('list', { name: 'Findings on atkv3-dev' }),
    ).toHaveTextContent(
      'modified RoleBinding matrikkel-api/skip-access-matrikkel-dev-view: roleRef changed from view to edit · repair fixes it',
    );
    expect(
      screen.getByRole('region', { name: 'Drift of atkv3-test' }),
    ).toHaveTextContent('As the rules want it.');

    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(api.calls).toContain('checkDrift'));
    await userEvent.click(
      within(dev).getByRole('button', { name: 'Repair atkv3-dev' }),
    );
    expect(
      await within(dev).findByRole('list', { name: 'Repair of atkv3-dev' }),
    ).toHaveTextContent('atkv3-dev: applied (0 created, 1 updated, 0 deleted)');
  });

  it("shows a cluster's bindings as YAML to download", async () => {
    const api = new FakeSkipAccessApi();
    api.exports.set('atkv3-dev', {
      cluster: 'atkv3-dev',
      yaml: 'kind: RoleBinding\nmetadata:\n  name: skip-access-x\n',
    });
    await renderAccessPage(api, '/skip/access/export');

    await userEvent.selectOptions(
      await screen.findByLabelText('Cluster'),
      'atkv3-dev',
    );
    expect(await screen.findByText(/name: skip-access-x/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'download',
      'atkv3-dev-rbac.yaml',
    );
  });

  it("lists a group's grants from rules and from bindings, and the clusters not read", async () => {
    const api = new FakeSkipAccessApi();
    await renderAccessPage(
      api,
      '/skip/access/effective?group=group:default/matrikkel',
    );

    const fromRule = (
      await screen.findByText('rule matrikkel-dev-view')
    ).closest('tr')!;
    expect(fromRule).toHaveTextContent('atkv3-dev');
    expect(fromRule).toHaveTextContent('matrikkel-api');
    expect(fromRule).toHaveTextContent('view');
    const fromBinding = screen
      .getByText(/binding ClusterRoleBinding old-admins/)
      .closest('tr')!;
    expect(fromBinding).toHaveTextContent('cluster-wide');
    expect(fromBinding).toHaveTextContent('cluster-admin (escalating)');
    expect(fromBinding).toHaveTextContent('not managed by the portal');
    expect(
      screen.getByText(/could not be read; only what the rules grant/),
    ).toHaveTextContent('atgcp1-dev (connect ECONNREFUSED)');
  });

  it("asks for a user's access by their ref", async () => {
    const api = new FakeSkipAccessApi();
    const matrikkel = api.effective.get('group:default/matrikkel')!;
    api.effective.set('user:default/mats', {
      ...matrikkel,
      subject: {
        ref: 'user:default/mats',
        kind: 'user',
        email: 'mats@kartverket.no',
        groups: ['group:default/matrikkel'],
        iamGroups: ['aad-tf-team-matrikkel@kartverket.no'],
      },
    });
    await renderAccessPage(api, '/skip/access/effective');

    await userEvent.type(
      await screen.findByLabelText('or a user'),
      'user:default/mats',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    expect(
      await screen.findByText(
        /user:default\/mats \(mats@kartverket.no\), through group:default\/matrikkel/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('rule matrikkel-dev-view')).toBeInTheDocument();
  });
});
