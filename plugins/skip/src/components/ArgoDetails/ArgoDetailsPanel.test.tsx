import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ArgoAppDetails } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { failingApp, healthyApp } from '../../__testUtils__/fixtures';
import { ArgoDetailsPanel } from './ArgoDetailsPanel';

const app = failingApp; // prod, Argo CD app argocd-prod/argocd/foo-main-foo-api
const KEY = 'argocd-prod/argocd/foo-main-foo-api';
const NEW_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const OLD_SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f009876543';
const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

const details: ArgoAppDetails = {
  instance: 'argocd-prod',
  namespace: 'argocd',
  name: 'foo-main-foo-api',
  project: 'foo',
  argoUrl: 'https://argocd.example/applications/argocd/foo-main-foo-api',
  source: {
    repoURL: 'https://github.com/kartverket/foo-apps.git',
    path: 'env/atkv3-prod/foo-main',
    targetRevision: 'main',
    repoWebUrl: 'https://github.com/kartverket/foo-apps',
    pathWebUrl:
      'https://github.com/kartverket/foo-apps/tree/main/env/atkv3-prod/foo-main',
  },
  destination: { cluster: 'atkv3-prod', namespace: 'foo-main' },
  syncPolicy: {
    automated: false,
    selfHeal: false,
    prune: false,
    syncOptions: [],
  },
  sync: { status: 'OutOfSync', revision: NEW_SHA },
  health: { status: 'Healthy' },
  operation: {
    phase: 'Succeeded',
    message: 'successfully synced (all tasks run)',
    startedAt: minutesAgo(5),
    finishedAt: minutesAgo(4),
    initiatedBy: { username: 'user:default/pia' },
    revision: NEW_SHA,
    revisionUrl: `https://github.com/kartverket/foo-apps/commit/${NEW_SHA}`,
    dryRun: false,
    prune: true,
    selectedResources: [],
    results: [
      {
        group: 'skiperator.kartverket.no',
        kind: 'Application',
        namespace: 'foo-main',
        name: 'foo-api',
        status: 'Synced',
        message: 'application.skiperator.kartverket.no/foo-api configured',
      },
      {
        kind: 'ConfigMap',
        namespace: 'foo-main',
        name: 'foo-api-old-config',
        status: 'Pruned',
        message: 'pruned',
      },
    ],
  },
  history: [
    {
      id: 2,
      revision: NEW_SHA,
      revisionUrl: `https://github.com/kartverket/foo-apps/commit/${NEW_SHA}`,
      deployedAt: minutesAgo(4),
      initiatedBy: { username: 'user:default/pia' },
    },
    {
      id: 1,
      revision: OLD_SHA,
      revisionUrl: `https://github.com/kartverket/foo-apps/commit/${OLD_SHA}`,
      deployedAt: minutesAgo(60 * 24 * 3),
      initiatedBy: { automated: true },
    },
  ],
  resources: [
    {
      group: 'skiperator.kartverket.no',
      kind: 'Application',
      namespace: 'foo-main',
      name: 'foo-api',
      status: 'OutOfSync',
    },
    { kind: 'ConfigMap', namespace: 'foo-main', name: 'foo-api-config' },
  ],
  actions: {
    refresh: { allowed: true },
    sync: { allowed: true },
    rollback: { allowed: true },
  },
};

async function renderPanel(answer?: ArgoAppDetails, shown = app) {
  const api = new FakeSkipFleetApi();
  if (answer) api.argoDetails.set(KEY, answer);
  await renderInTestApp(<ArgoDetailsPanel app={shown} />, {
    apis: [[skipFleetApiRef, api]],
  });
  return api;
}

describe('ArgoDetailsPanel', () => {
  it('shows where the app comes from, its sync policy and a link to Argo CD', async () => {
    await renderPanel(details);
    const source = await screen.findByRole('region', {
      name: 'Source and sync policy',
    });
    expect(
      within(source).getByRole('link', {
        name: /^https:\/\/github.com\/kartverket\/foo-apps.git/,
      }),
    ).toHaveAttribute('href', 'https://github.com/kartverket/foo-apps');
    expect(
      within(source).getByRole('link', { name: /^env\/atkv3-prod\/foo-main/ }),
    ).toHaveAttribute('href', details.source!.pathWebUrl);
    expect(within(source).getByText('main')).toBeInTheDocument();
    expect(within(source).getByText('Auto-sync off')).toBeInTheDocument();
    expect(within(source).getByText('Self-heal off')).toBeInTheDocument();
    expect(within(source).getByText('Prune off')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Open in Argo CD/ }),
    ).toHaveAttribute('href', details.argoUrl);
  });

  it('shows the last operation: who started it, when, its commit and what it did per resource', async () => {
    await renderPanel(details);
    const operation = await screen.findByRole('region', {
      name: 'Last operation',
    });
    expect(within(operation).getByText('Succeeded')).toBeInTheDocument();
    expect(within(operation).getByText('by pia')).toBeInTheDocument();
    expect(within(operation).getByText('4 minutes ago')).toBeInTheDocument();
    expect(
      within(operation).getByRole('link', { name: /^Commit a1b2c3d/ }),
    ).toHaveAttribute('href', details.operation!.revisionUrl);
    const rows = within(
      within(operation).getByRole('table', { name: 'Result per resource' }),
    ).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'KindNameStatusMessage',
      'Applicationfoo-apiSyncedapplication.skiperator.kartverket.no/foo-api configured',
      'ConfigMapfoo-api-old-configPrunedpruned',
    ]);
  });

  it('says "auto-sync" when Argo CD started the operation itself', async () => {
    await renderPanel({
      ...details,
      operation: { ...details.operation!, initiatedBy: { automated: true } },
    });
    const operation = await screen.findByRole('region', {
      name: 'Last operation',
    });
    expect(within(operation).getByText('by auto-sync')).toBeInTheDocument();
  });

  it('lists the history newest first, each deployment linked to its commit', async () => {
    await renderPanel(details);
    const history = await screen.findByRole('table', {
      name: 'Deployments, newest first',
    });
    const [, current, earlier] = within(history).getAllByRole('row');
    expect(
      within(current).getByRole('link', { name: /^Commit a1b2c3d/ }),
    ).toHaveAttribute(
      'href',
      `https://github.com/kartverket/foo-apps/commit/${NEW_SHA}`,
    );
    expect(within(current).getByText('Current')).toBeInTheDocument();
    expect(within(current).queryByRole('button')).toBeNull();
    expect(
      within(earlier).getByRole('link', { name: /^Commit 0f1e2d3/ }),
    ).toHaveAttribute(
      'href',
      `https://github.com/kartverket/foo-apps/commit/${OLD_SHA}`,
    );
    expect(within(earlier).getByText('auto-sync')).toBeInTheDocument();
    expect(within(earlier).getByText('3 days ago')).toBeInTheDocument();
  });

  it('rolls back only after a confirmation that names the revision, then sends its history id', async () => {
    const api = await renderPanel(details);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Roll back to 0f1e2d3 (history entry 1)',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Roll back foo-main-foo-api to 0f1e2d3?',
    });
    expect(dialog).toHaveTextContent(
      /Argo CD will deploy 0f1e2d3 .* to namespace foo-main on atkv3-prod/,
    );
    expect(dialog).toHaveTextContent(/until the next sync/);
    expect(api.actions).toEqual([]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back to 0f1e2d3' }),
    );
    await waitFor(() =>
      expect(api.actions).toEqual([
        'rollback argocd-prod/foo-main-foo-api to 1',
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('sends nothing when the rollback is cancelled', async () => {
    const api = await renderPanel(details);
    await userEvent.click(
      await screen.findByRole('button', { name: /^Roll back to 0f1e2d3/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.actions).toEqual([]);
  });

  it('keeps the rollback dialog open with the cause when the backend refuses', async () => {
    const api = await renderPanel(details);
    api.rollbackArgoApp = async () => {
      throw new Error('Auto-sync is on: the next sync would undo a rollback');
    };
    await userEvent.click(
      await screen.findByRole('button', { name: /^Roll back to 0f1e2d3/ }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back to 0f1e2d3' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Auto-sync is on: the next sync would undo a rollback',
    );
  });

  it('disables Roll back and Sync with the reason the backend gives', async () => {
    const reason =
      'Auto-sync is on for this app: Argo CD would undo a rollback at its next sync';
    await renderPanel({
      ...details,
      syncPolicy: { ...details.syncPolicy, automated: true },
      actions: {
        refresh: { allowed: true },
        sync: {
          allowed: false,
          reason: 'Only team foo and the platform team may sync this app',
        },
        rollback: { allowed: false, reason },
      },
    });
    const rollback = await screen.findByRole('button', {
      name: /^Roll back to 0f1e2d3/,
    });
    expect(rollback).toBeDisabled();
    expect(rollback).toHaveAttribute('aria-description', reason);
    expect(rollback.parentElement).toHaveAttribute('title', reason);
    const sync = screen.getByRole('button', { name: 'Sync…' });
    expect(sync).toBeDisabled();
    expect(sync.parentElement).toHaveAttribute(
      'title',
      'Only team foo and the platform team may sync this app',
    );
    expect(screen.getByRole('button', { name: 'Hard refresh' })).toBeEnabled();
  });

  it('sends the sync options chosen in the dialog: prune, dry run and only the resources checked', async () => {
    const api = await renderPanel(details);
    await userEvent.click(await screen.findByRole('button', { name: 'Sync…' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Sync foo-main-foo-api',
    });
    expect(dialog).toHaveTextContent(
      'Argo CD will apply all resources of foo-main-foo-api from git (main) to namespace foo-main on atkv3-prod.',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /^Prune/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /^Dry run/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /^Application foo-api/ }),
    );
    expect(dialog).toHaveTextContent(/1 of 2 resources .* as a dry run/);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start dry run' }),
    );
    await waitFor(() =>
      expect(api.actions).toEqual([
        `sync argocd-prod/foo-main-foo-api ${JSON.stringify({
          prune: true,
          dryRun: true,
          resources: [
            {
              group: 'skiperator.kartverket.no',
              kind: 'Application',
              namespace: 'foo-main',
              name: 'foo-api',
            },
          ],
        })}`,
      ]),
    );
  });

  it('syncs everything without options when none are chosen', async () => {
    const api = await renderPanel(details);
    await userEvent.click(await screen.findByRole('button', { name: 'Sync…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sync' }));
    await waitFor(() =>
      expect(api.actions).toEqual([
        'sync argocd-prod/foo-main-foo-api {"prune":false,"dryRun":false}',
      ]),
    );
  });

  it('asks Argo CD for a hard refresh', async () => {
    const api = await renderPanel(details);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Hard refresh' }),
    );
    await waitFor(() =>
      expect(api.actions).toEqual([
        'refresh argocd-prod/foo-main-foo-api hard',
      ]),
    );
  });

  it('shows why the details could not be loaded, with Retry', async () => {
    await renderPanel();
    expect(
      await screen.findByText('Could not load the Argo CD app'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /retry/i })).toBeInTheDocument();
  });

  it('renders nothing for an app no Argo CD app deploys', async () => {
    const api = await renderPanel(details, { ...healthyApp, argo: undefined });
    expect(screen.queryByRole('region', { name: 'Argo CD' })).toBeNull();
    expect(api.actions).toEqual([]);
  });
});
