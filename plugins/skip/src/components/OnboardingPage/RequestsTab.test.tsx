import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DEVELOPER_ONBOARDING_RIGHTS,
  PLATFORM_ONBOARDING_RIGHTS,
} from '../../__testUtils__/onboardingFixtures';
import {
  backendError,
  FakeSkipOnboardingApi,
} from '../../__testUtils__/fakeSkipOnboardingApi';
import { renderOnboardingPage } from './__testUtils__/renderOnboardingPage';

/** The fake as the platform team sees it. */
function platform() {
  const api = new FakeSkipOnboardingApi();
  api.rights = PLATFORM_ONBOARDING_RIGHTS;
  return api;
}

/** The row of a request, by its prefix. */
const rowOf = (prefix: string) =>
  screen.getByText(prefix, { selector: 'td code' }).closest('tr')!;

/** Opens the review of newteam- and waits for its plan. */
async function review() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'Review newteam-' }),
  );
  const dialog = screen.getByRole('dialog');
  await within(dialog).findByRole('region', {
    name: 'AppProject newteam on argocd-nonprod',
  });
  return dialog;
}

describe('OnboardingPage requests', () => {
  it('lists every request with its state, team, who asked and the decision; the history opens', async () => {
    const api = new FakeSkipOnboardingApi();
    api.rights = DEVELOPER_ONBOARDING_RIGHTS;
    await renderOnboardingPage(api, '/skip/onboarding/requests');

    await screen.findByRole('table', { name: 'Prefix requests' });
    const pending = rowOf('newteam-');
    expect(pending).toHaveTextContent('pending');
    expect(pending).toHaveTextContent('newteam');
    expect(pending).toHaveTextContent('mats');
    expect(pending).toHaveTextContent('Our first apps');
    const rejected = rowOf('mat-');
    expect(rejected).toHaveTextContent('rejected');
    expect(rejected).toHaveTextContent('Too short; use matrikkel-');

    // A developer reads, but is offered no review.
    expect(screen.queryByRole('button', { name: /^Review/ })).toBeNull();

    const toggle = within(rejected).getByRole('button', {
      name: 'History of mat-',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const history = screen.getByRole('list', {
      name: 'History of request req-mat',
    });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map(li => li.textContent?.replace(/^.*?: /, '')),
    ).toEqual(['mats requested', 'pia rejected – Too short; use matrikkel-']);
  });

  it('offers the platform team Review on pending requests only', async () => {
    await renderOnboardingPage(platform(), '/skip/onboarding/requests');

    await screen.findByRole('table', { name: 'Prefix requests' });
    expect(
      within(rowOf('newteam-')).getByRole('button', {
        name: 'Review newteam-',
      }),
    ).toBeEnabled();
    expect(
      within(rowOf('mat-')).queryByRole('button', { name: /^Review/ }),
    ).toBeNull();
  });

  it('shows the plan: each object with its instance, cluster, action and YAML, and the access rule', async () => {
    await renderOnboardingPage(platform(), '/skip/onboarding/requests');

    const dialog = await review();
    for (const instance of ['argocd-nonprod', 'argocd-prod']) {
      for (const kind of ['AppProject', 'ApplicationSet']) {
        const object = within(dialog).getByRole('region', {
          name: `${kind} newteam on ${instance}`,
        });
        expect(object).toHaveTextContent(`${kind} argocd/newteam`);
        expect(object).toHaveTextContent('create');
        // The YAML's code block highlights lazily.
        await waitFor(() =>
          expect(object).toHaveTextContent(`# on ${instance}`),
        );
      }
    }
    expect(
      within(dialog).getByRole('region', {
        name: 'AppProject newteam on argocd-prod',
      }),
    ).toHaveTextContent('cluster atkv3-admin-prod');
    expect(within(dialog).getByLabelText('Access rule')).toHaveTextContent(
      'edit for group:default/newteam in newteam-* on every cluster',
    );
  });

  it('rejects only with a reason', async () => {
    const api = platform();
    await renderOnboardingPage(api, '/skip/onboarding/requests');

    const dialog = await review();
    const reject = within(dialog).getByRole('button', { name: 'Reject' });
    expect(reject).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Reason'), '   ');
    expect(reject).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Use your department prefix',
    );
    await userEvent.click(reject);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls).toContain(
      'rejectRequest req-newteam reason=Use your department prefix',
    );
    expect(
      screen.getByText(
        'Rejected newteam- for newteam: Use your department prefix',
      ),
    ).toBeInTheDocument();
    // The list is loaded again: the request is rejected now.
    await waitFor(() =>
      expect(rowOf('newteam-')).toHaveTextContent('rejected'),
    );
  });

  it('approves after asking and shows what happened on each instance and the git branch', async () => {
    const api = platform();
    api.applied = [
      { instance: 'argocd-nonprod', outcome: 'applied' },
      {
        instance: 'argocd-prod',
        outcome: 'failed',
        error: 'connection refused',
      },
    ];
    await renderOnboardingPage(api, '/skip/onboarding/requests');

    const dialog = await review();
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Welcome');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    const confirm = screen.getByRole('dialog', {
      name: 'Approve newteam- for newteam?',
    });
    expect(confirm).toHaveTextContent(
      'The 4 objects shown are written to argocd-nonprod and argocd-prod',
    );
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Approve' }),
    );

    const result = await screen.findByRole('list', { name: 'Approval result' });
    expect(
      within(result)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'argocd-nonprod: applied',
      'argocd-prod: failed – connection refused',
    ]);
    expect(
      screen.getByText(/Committed to the GitOps repository on branch/),
    ).toHaveTextContent('onboarding/req-newteam');
    expect(api.calls).toContain('approveRequest req-newteam reason=Welcome');
    await waitFor(() =>
      expect(rowOf('newteam-')).toHaveTextContent('approved'),
    );
    // The prefixes are loaded again: the approval granted one.
    expect(api.calls.filter(c => c === 'listPrefixes')).toHaveLength(2);
  });

  it('says why an approval was refused, and keeps the review open', async () => {
    const api = platform();
    api.approveError = await backendError(
      409,
      'ConflictError',
      'Request req-newteam is approved',
    );
    await renderOnboardingPage(api, '/skip/onboarding/requests');

    const dialog = await review();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await userEvent.click(
      within(
        screen.getByRole('dialog', { name: 'Approve newteam- for newteam?' }),
      ).getByRole('button', { name: 'Approve' }),
    );

    expect(
      await within(dialog).findByText(
        'Not approved: Request req-newteam is approved (HTTP 409)',
      ),
    ).toBeInTheDocument();
  });
});
