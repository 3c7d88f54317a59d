import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  backendError,
  FakeSkipOnboardingApi,
} from '../../__testUtils__/fakeSkipOnboardingApi';
import { renderOnboardingPage } from './__testUtils__/renderOnboardingPage';

/** The verdict on `seeiendom-x-`: it overlaps seeiendom's prefix and takes in its namespace. */
function overlapping() {
  return {
    valid: false,
    problems: [
      {
        field: 'prefix',
        message: 'overlaps seeiendom- of group:default/seeiendom',
      },
    ],
    captures: [
      {
        cluster: 'atkv3-dev',
        namespace: 'seeiendom-x-api',
        owner: 'group:default/seeiendom',
      },
      { cluster: 'atgcp1-dev', namespace: 'seeiendom-x-web' },
    ],
  };
}

describe('OnboardingPage request a prefix', () => {
  it("offers only the caller's own teams", async () => {
    await renderOnboardingPage(new FakeSkipOnboardingApi());

    const team = await screen.findByLabelText('Team');
    const offered = within(team)
      .getAllByRole('option')
      .map(o => (o as HTMLOptionElement).value);
    expect(offered).toEqual([
      'group:default/newteam',
      'group:default/matrikkel',
    ]);
  });

  it('explains that only members of a team can request for it', async () => {
    const api = new FakeSkipOnboardingApi();
    api.rights = { decide: false, requestFor: [] };
    await renderOnboardingPage(api);

    expect(
      await screen.findByText(/Only members of a team can request a prefix/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Prefix')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
  });

  it('checks the prefix as it is typed: the problem at the field, the namespaces it takes in, Submit disabled', async () => {
    const api = new FakeSkipOnboardingApi();
    api.validate = input =>
      input.prefix.startsWith('seeiendom')
        ? overlapping()
        : { valid: true, problems: [], captures: [] };
    await renderOnboardingPage(api);

    const submit = await screen.findByRole('button', { name: 'Submit' });
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Prefix'), 'seeiendom-x-');

    await waitFor(() =>
      expect(screen.getByLabelText('Prefix')).toHaveAccessibleDescription(
        'overlaps seeiendom- of group:default/seeiendom',
      ),
    );
    expect(submit).toBeDisabled();
    const captures = screen.getByRole('list', {
      name: 'Namespaces the prefix would take in',
    });
    expect(
      within(captures)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'atkv3-dev / seeiendom-x-api · owned by seeiendom',
      'atgcp1-dev / seeiendom-x-web · no owner',
    ]);
    // Typing pauses are waited for: not one check per keystroke.
    expect(api.validated.length).toBeLessThan(6);
    expect(api.validated.at(-1)).toEqual({
      team: 'group:default/newteam',
      prefix: 'seeiendom-x-',
    });

    await userEvent.clear(screen.getByLabelText('Prefix'));
    await userEvent.type(screen.getByLabelText('Prefix'), 'newteam-');
    await waitFor(() => expect(submit).toBeEnabled());
    expect(
      screen.getByText(
        'The prefix would take in no namespace that exists today.',
      ),
    ).toBeInTheDocument();
  });

  it('submits the request for the chosen team and shows it', async () => {
    const api = new FakeSkipOnboardingApi();
    await renderOnboardingPage(api);

    await userEvent.selectOptions(
      await screen.findByLabelText('Team'),
      'group:default/matrikkel',
    );
    await userEvent.type(screen.getByLabelText('Prefix'), 'kart-');
    await userEvent.type(
      screen.getByLabelText('Reason (optional)'),
      'The map apps',
    );
    const submit = screen.getByRole('button', { name: 'Submit' });
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);

    const created = await screen.findByRole('alert', {
      name: 'Created request',
    });
    expect(created).toHaveTextContent('Requested kart- for matrikkel');
    expect(created).toHaveTextContent('pending');
    expect(api.created).toEqual([
      {
        team: 'group:default/matrikkel',
        prefix: 'kart-',
        reason: 'The map apps',
      },
    ]);
    expect(screen.getByLabelText('Prefix')).toHaveValue('');
  });

  it("shows the backend's words when the prefix was taken meanwhile", async () => {
    const api = new FakeSkipOnboardingApi();
    api.createError = await backendError(
      409,
      'ConflictError',
      'newteam- overlaps newteam-a- of group:default/other',
    );
    await renderOnboardingPage(api);

    await userEvent.type(await screen.findByLabelText('Prefix'), 'newteam-');
    const submit = screen.getByRole('button', { name: 'Submit' });
    await waitFor(() => expect(submit).toBeEnabled());
    await userEvent.click(submit);

    expect(
      await screen.findByText(
        'Not requested: newteam- overlaps newteam-a- of group:default/other (HTTP 409)',
      ),
    ).toBeInTheDocument();
  });

  it('preselects the team a link names', async () => {
    await renderOnboardingPage(
      new FakeSkipOnboardingApi(),
      '/skip/onboarding?team=group:default/matrikkel',
    );

    expect(await screen.findByLabelText('Team')).toHaveValue(
      'group:default/matrikkel',
    );
  });
});
