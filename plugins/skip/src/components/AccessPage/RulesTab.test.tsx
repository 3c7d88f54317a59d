import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  accessRules,
  DEVELOPER_RIGHTS,
} from '../../__testUtils__/accessFixtures';
import {
  backendError,
  FakeSkipAccessApi,
} from '../../__testUtils__/fakeSkipAccessApi';
import { renderAccessPage } from './__testUtils__/renderAccessPage';

const ENV_COLUMN = { sandbox: 1, dev: 2, test: 3, prod: 4 };

/** The matrix cell of a group (by its title) in an environment. */
async function cellOf(title: string, env: keyof typeof ENV_COLUMN) {
  const matrix = await screen.findByRole('table', {
    name: 'Access by group and environment',
  });
  const row = within(matrix)
    .getByRole('rowheader', { name: new RegExp(`^${title}`) })
    .closest('tr')!;
  return within(row).getAllByRole('cell')[ENV_COLUMN[env] - 1];
}

describe('AccessPage rules', () => {
  it("shows each group's roles in the environment columns the rules reach", async () => {
    await renderAccessPage(new FakeSkipAccessApi());

    // matrikkel-dev-view: view in dev only, in the two named namespaces.
    const dev = await cellOf('Matrikkel', 'dev');
    expect(dev).toHaveTextContent('view · matrikkel-api, matrikkel-web');
    for (const env of ['sandbox', 'test', 'prod'] as const) {
      expect(await cellOf('Matrikkel', env)).toBeEmptyDOMElement();
    }
    // A team default reaches every environment; a cluster rule its cluster's environment.
    expect(await cellOf('Seeiendom', 'sandbox')).toHaveTextContent(
      'edit · prefix seeiendom-',
    );
    const prod = await cellOf('Seeiendom', 'prod');
    expect(prod).toHaveTextContent('view · cluster-wide on atkv3-prod');
    expect(await cellOf('Seeiendom', 'test')).not.toHaveTextContent('view');
    // Escalating roles say so; a rule that binds nothing says why.
    expect(await cellOf('SKIP', 'prod')).toHaveTextContent(
      'cluster-admin (escalating)',
    );
    expect(await cellOf('group:default/ghost', 'dev')).toHaveTextContent(
      'Not in force: group:default/ghost is not in the catalog',
    );
    // The IAM groups RBAC binds are on the row.
    expect(
      screen.getByRole('rowheader', { name: /^Matrikkel/ }),
    ).toHaveTextContent('aad-tf-team-matrikkel@kartverket.no');
  });

  it('lists every rule with its source; only database rules can be changed, the others say why', async () => {
    await renderAccessPage(new FakeSkipAccessApi());

    const row = (id: string) =>
      screen.getByText(id, { selector: 'td *, td' }).closest('tr')!;
    await screen.findByRole('button', { name: 'Add rule' });
    expect(row('team-seeiendom')).toHaveTextContent('team-default');
    expect(row('platform-admin')).toHaveTextContent('git: platform.yaml');
    expect(
      within(row('matrikkel-dev-view')).getByRole('button', {
        name: 'Edit rule matrikkel-dev-view',
      }),
    ).toBeEnabled();
    expect(
      within(row('platform-admin')).getByRole('button', {
        name: 'Delete rule platform-admin',
      }),
    ).toBeDisabled();
  });

  it('offers no changes to a developer', async () => {
    const api = new FakeSkipAccessApi();
    api.rules = accessRules(DEVELOPER_RIGHTS);
    await renderAccessPage(api);

    await screen.findByRole('table', {
      name: 'Access by group and environment',
    });
    expect(screen.queryByRole('button', { name: 'Add rule' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Edit rule/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the rule folder errors as a warning', async () => {
    const api = new FakeSkipAccessApi();
    api.rules = {
      ...accessRules(),
      sourceErrors: ['team-x.yaml: rule x: role: is required'],
    };
    await renderAccessPage(api);

    expect(
      await screen.findByRole('list', { name: 'Rule folder errors' }),
    ).toHaveTextContent('team-x.yaml: rule x: role: is required');
  });

  it('checks the rule as it is typed, shows each error at its field and saves only a valid rule', async () => {
    const api = new FakeSkipAccessApi();
    api.validate = rule =>
      rule.clusters.environment === 'prod'
        ? {
            valid: false,
            errors: [
              {
                field: 'clusters.environment',
                message: 'prod needs a rule in git',
              },
            ],
            escalating: false,
            clusters: ['atkv3-prod', 'atgcp1-prod'],
          }
        : {
            valid: true,
            errors: [],
            escalating: rule.role === 'cluster-admin',
            clusters: ['atkv3-dev', 'atgcp1-dev'],
          };
    await renderAccessPage(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Add rule' }),
    );
    const dialog = screen.getByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    // No id yet: said at the field, and nothing asked.
    expect(within(dialog).getByLabelText('Id')).toHaveAccessibleDescription(
      'is required',
    );
    expect(save).toBeDisabled();

    await userEvent.type(within(dialog).getByLabelText('Id'), 'matrikkel-view');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Environment'),
      'prod',
    );
    await waitFor(() =>
      expect(
        within(dialog).getByLabelText('Environment'),
      ).toHaveAccessibleDescription('prod needs a rule in git'),
    );
    expect(save).toBeDisabled();

    await userEvent.selectOptions(
      within(dialog).getByLabelText('Environment'),
      'dev',
    );
    await userEvent.clear(within(dialog).getByLabelText('Role'));
    await userEvent.type(
      within(dialog).getByLabelText('Role'),
      'cluster-admin',
    );
    expect(
      await within(dialog).findByText(
        /needs the approve-escalation permission/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Would bind on: atkv3-dev, atgcp1-dev'),
    ).toBeInTheDocument();
    await waitFor(() => expect(save).toBeEnabled());
    // Typing pauses are waited for: not one check per keystroke.
    expect(api.validated.length).toBeLessThan(8);

    await userEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.saved).toEqual([
      {
        id: 'matrikkel-view',
        group: 'group:default/matrikkel',
        role: 'cluster-admin',
        clusters: { type: 'environment', environment: 'dev' },
        namespaces: { type: 'team-prefix', team: 'group:default/matrikkel' },
      },
    ]);
    // The page reloads the rules: the new rule is in the list.
    expect(await screen.findByText('matrikkel-view')).toBeInTheDocument();
  });

  it('says why a save was refused', async () => {
    const api = new FakeSkipAccessApi();
    api.saveError = await backendError(
      409,
      'ConflictError',
      "Rule id 'matrikkel-dev-view' is taken",
    );
    await renderAccessPage(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit rule matrikkel-dev-view',
      }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Id')).toBeDisabled();
    const save = within(dialog).getByRole('button', { name: 'Save' });
    await waitFor(() => expect(save).toBeEnabled());
    await userEvent.click(save);

    expect(
      await within(dialog).findByText(
        "The rule was not saved: Rule id 'matrikkel-dev-view' is taken (HTTP 409)",
      ),
    ).toBeInTheDocument();
    expect(api.calls).toContain('updateRule matrikkel-dev-view');
  });

  it('deletes a database rule after asking', async () => {
    const api = new FakeSkipAccessApi();
    await renderAccessPage(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Delete rule matrikkel-dev-view',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.queryByText('matrikkel-dev-view')).toBeNull(),
    );
    expect(api.calls).toContain('deleteRule matrikkel-dev-view');
  });
});
