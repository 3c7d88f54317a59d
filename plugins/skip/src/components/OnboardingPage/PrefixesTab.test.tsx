import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PLATFORM_ONBOARDING_RIGHTS } from '../../__testUtils__/onboardingFixtures';
import { FakeSkipOnboardingApi } from '../../__testUtils__/fakeSkipOnboardingApi';
import { renderOnboardingPage } from './__testUtils__/renderOnboardingPage';

/** The row of a prefix. */
const rowOf = (prefix: string) =>
  screen.getByRole('rowheader', { name: prefix }).closest('tr')!;

describe('OnboardingPage prefixes', () => {
  it('lists every prefix with its team, source, state, clusters and namespaces; a developer may not retire', async () => {
    await renderOnboardingPage(
      new FakeSkipOnboardingApi(),
      '/skip/onboarding/prefixes',
    );

    await screen.findByRole('table', { name: 'Prefixes' });
    const matrikkel = rowOf('matrikkel-');
    expect(matrikkel).toHaveTextContent('matrikkel');
    expect(matrikkel).toHaveTextContent('catalog');
    expect(matrikkel).toHaveTextContent('active');
    expect(matrikkel).toHaveTextContent('atkv3-dev, atgcp1-dev');
    expect(
      within(
        within(matrikkel).getByRole('list', {
          name: 'Namespaces under matrikkel-',
        }),
      )
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'atkv3-dev / matrikkel-api-main',
      'atgcp1-dev / matrikkel-gateway-main',
    ]);
    const old = rowOf('oldteam-');
    expect(old).toHaveTextContent('onboarding');
    expect(old).toHaveTextContent('retired');
    expect(old).toHaveTextContent('by pia');
    expect(screen.queryByRole('button', { name: /^Retire/ })).toBeNull();
  });

  it('retires after a reason, and offers to force it when namespaces under the prefix exist', async () => {
    const api = new FakeSkipOnboardingApi();
    api.rights = PLATFORM_ONBOARDING_RIGHTS;
    await renderOnboardingPage(api, '/skip/onboarding/prefixes');

    await screen.findByRole('table', { name: 'Prefixes' });
    // A retired prefix cannot be retired again.
    expect(
      within(rowOf('oldteam-')).queryByRole('button', { name: /^Retire/ }),
    ).toBeNull();
    await userEvent.click(
      within(rowOf('seeiendom-')).getByRole('button', {
        name: 'Retire seeiendom-',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Retire seeiendom-?' });
    const retire = within(dialog).getByRole('button', { name: 'Retire' });
    expect(retire).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'The team moved',
    );
    await userEvent.click(retire);

    expect(
      await within(dialog).findByText(/seeiendom- still has 1 namespaces/),
    ).toBeInTheDocument();
    expect(api.calls).toContain(
      'retirePrefix seeiendom- reason=The team moved',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Retire anyway' }),
    );

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls).toContain(
      'retirePrefix seeiendom- reason=The team moved force',
    );
    expect(
      screen.getByText('Retired seeiendom- of seeiendom'),
    ).toBeInTheDocument();
    // The prefixes are loaded again: seeiendom- is retired now.
    await waitFor(() =>
      expect(rowOf('seeiendom-')).toHaveTextContent('retired'),
    );
  });

  it("shows a prefix's Argo CD objects as YAML to download", async () => {
    const api = new FakeSkipOnboardingApi();
    await renderOnboardingPage(api, '/skip/onboarding/prefixes');

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export YAML of matrikkel-' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Export matrikkel-' });
    expect(
      await within(dialog).findByText(/name: matrikkel/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: 'Download' }),
    ).toHaveAttribute('download', 'matrikkel-argocd.yaml');
    expect(api.calls).toContain('exportPrefix matrikkel-');
  });
});
