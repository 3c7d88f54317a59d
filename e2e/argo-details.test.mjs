// Argo CD parity in an app's row, walked at 1280 px: as Pia (platform team) geonorge-download in
// prod, which waits OutOfSync for a manual sync, is synced with Prune, its history gains the
// deployment, and it is rolled back to the earlier entry after a confirmation; as the seeiendom
// developer, an auto-synced app in dev offers no rollback and says why. Before the sync, the
// app's live-versus-desired diff shows the image git names against the one that runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  usePortal,
  signInAs,
  openSkipTab,
  assertEventually,
  waitOrShoot,
  shots,
  root,
} from './support/portal.mjs';

const session = usePortal();
const VIEWPORT = { width: 1280, height: 900 };

/** Logs the Argo CD requests the page sends and how they end, for a failure to be read from the log. */
function logArgoRequests(page) {
  page.on('requestfinished', async request => {
    if (!request.url().includes('/argocd/') || request.method() !== 'POST')
      return;
    const response = await request.response();
    console.log(
      `${request.method()} ${request.url()} -> ${response?.status()}`,
    );
  });
  page.on('requestfailed', request => {
    if (request.url().includes('/argocd/'))
      console.log(
        `${request.method()} ${request.url()} failed: ${
          request.failure()?.errorText
        }`,
      );
  });
}

/** Opens an app's row on the component's SKIP tab and returns its Argo CD panel. */
async function openArgoPanel(page, component, cluster) {
  await openSkipTab(page, component);
  const toggle = page.getByRole('button', {
    name: `Details of ${component} on ${cluster}`,
  });
  await waitOrShoot(page, toggle, `argo-${component}-toggle`);
  await toggle.click();
  const details = page.getByRole('region', {
    name: `Details of ${component} on ${cluster}`,
  });
  const panel = details.getByRole('region', { name: 'Argo CD' });
  await waitOrShoot(
    page,
    panel.getByRole('button', { name: 'Sync…' }),
    `argo-${component}-panel`,
  );
  return panel;
}

/** Waits for a dialog to close after its request; a dialog that stays says why in its alert. */
async function waitUntilClosed(page, dialog, name) {
  try {
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
  } catch (error) {
    await page.screenshot({
      path: path.join(root, 'test-results', `${name}.png`),
    });
    throw new Error(`${name} stayed open: ${await dialog.innerText()}`, {
      cause: error,
    });
  }
}

/** Waits until a dialog has faded in, so its screenshot is not half transparent. */
async function waitUntilShown(page, dialog) {
  await dialog.waitFor();
  await assertEventually(
    page,
    async () =>
      assert.equal(
        await dialog.evaluate(el => getComputedStyle(el.parentElement).opacity),
        '1',
      ),
    'argo-dialog-fade-in',
  );
}

/** Waits until the transient "… requested" alerts are gone, so they hide nothing in a screenshot. */
async function waitForAlertsToGo(page) {
  await page
    .getByText(/^Argo CD .* requested$/)
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The history's rows, newest first, without the header. */
async function historyRows(panel) {
  const rows = await panel
    .getByRole('table', { name: 'Deployments, newest first' })
    .getByRole('row')
    .all();
  return rows.slice(1);
}

/** Asserts that none of the panel's buttons, chips and headers wraps onto a second line. */
async function assertNothingWraps(page, panel) {
  const wrapped = await panel.evaluate(root =>
    [...root.querySelectorAll('button, .MuiChip-label, th, dt')]
      .filter(el => el.getClientRects().length > 0)
      .filter(el => {
        // The text's own height, without the padding of a cell or a button.
        const range = document.createRange();
        range.selectNodeContents(el);
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
        return range.getBoundingClientRect().height > lineHeight * 1.6;
      })
      .map(el => el.textContent),
  );
  assert.deepEqual(wrapped, [], 'no button, chip or header wraps');
  const sideways = await page.evaluate(
    () =>
      document.scrollingElement.scrollWidth -
      document.scrollingElement.clientWidth,
  );
  assert.ok(sideways <= 1, 'the page does not scroll sideways at 1280 px');
}

// First, while geonorge-download in prod still runs an older image than git names (the test below syncs it).
test(
  'the platform team sees how geonorge-download in prod differs from git, line by line',
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);
    const panel = await openArgoPanel(page, 'geonorge-download', 'atkv3-prod');
    const differences = panel.getByRole('region', {
      name: 'Differences from git',
    });
    const skiperatorApp = differences.getByRole('group', {
      name: 'Application geonorge-download',
    });
    await waitOrShoot(page, skiperatorApp, 'argo-diff');
    const diff = skiperatorApp.getByLabel(
      'Diff of Application geonorge-download',
    );
    assert.match(await skiperatorApp.innerText(), /Modified/);
    assert.match(
      await diff.innerText(),
      /^-\s+image: ghcr\.io\/kartverket\/geonorge-download:3\.0\.0$/m,
    );
    assert.match(
      await diff.innerText(),
      /^\+\s+image: ghcr\.io\/kartverket\/geonorge-download:3\.0\.1$/m,
    );
    await assertNothingWraps(page, panel);
    await differences.scrollIntoViewIfNeeded();
    await differences.screenshot({ path: path.join(shots, 'argo-diff.png') });
  },
);

test(
  'the platform team syncs geonorge-download in prod with Prune, sees it in the history, and rolls it back',
  { timeout: 300_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);
    logArgoRequests(page);
    const panel = await openArgoPanel(page, 'geonorge-download', 'atkv3-prod');
    const source = panel.getByRole('region', {
      name: 'Source and sync policy',
    });
    assert.match(await source.innerText(), /Auto-sync off/);
    const before = (await historyRows(panel)).length;
    await assertNothingWraps(page, panel);

    await panel.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Sync / });
    await dialog.getByRole('checkbox', { name: /^Prune/ }).check();
    assert.match(await dialog.innerText(), /Argo CD will apply all resources/);
    await waitUntilShown(page, dialog);
    await page.screenshot({ path: path.join(shots, 'argo-sync-options.png') });
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await waitUntilClosed(page, dialog, 'argo-sync-dialog');

    const operation = panel.getByRole('region', { name: 'Last operation' });
    await assertEventually(
      page,
      async () => {
        const text = await operation.innerText();
        assert.match(text, /Succeeded/);
        assert.match(text, /by pia/);
        assert.match(text, /Prune/);
        assert.equal((await historyRows(panel)).length, before + 1);
      },
      'argo-sync-succeeded',
      90_000,
    );
    const [newest] = await historyRows(panel);
    assert.match(await newest.innerText(), /pia/);
    assert.match(await newest.innerText(), /Current/);
    assert.match(
      await newest.getByRole('link', { name: /^Commit / }).getAttribute('href'),
      /\/commit\/[0-9a-f]{40}$/,
    );
    await assertNothingWraps(page, panel);
    await waitForAlertsToGo(page);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(shots, 'argo-history.png') });

    // Roll back to the deployment before the sync.
    const [, earlier] = await historyRows(panel);
    const rollback = earlier.getByRole('button', { name: /^Roll back to / });
    assert.ok(await rollback.isEnabled(), 'Roll back is enabled in prod');
    const label = await rollback.getAttribute('aria-label');
    const sha = /^Roll back to (\S+)/.exec(label)[1];
    await rollback.click();
    const confirm = page.getByRole('dialog', { name: /^Roll back .* to / });
    await waitUntilShown(page, confirm);
    assert.match(
      await confirm.innerText(),
      new RegExp(`Argo CD will deploy ${sha}[\\s\\S]*until the next sync`),
    );
    await page.screenshot({ path: path.join(shots, 'argo-rollback.png') });
    await confirm
      .getByRole('button', { name: `Roll back to ${sha}`, exact: true })
      .click();
    await waitUntilClosed(page, confirm, 'argo-rollback-dialog');

    await assertEventually(
      page,
      async () => {
        const text = await operation.innerText();
        assert.match(text, /Succeeded/);
        assert.match(text, new RegExp(`revision ${sha}`));
        const [top] = await historyRows(panel);
        assert.match(await top.innerText(), new RegExp(sha));
      },
      'argo-rollback-succeeded',
      90_000,
    );
  },
);

test(
  'a developer cannot roll back an auto-synced app in dev, and is told why',
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    logArgoRequests(page);
    const panel = await openArgoPanel(page, 'seeiendom-api', 'atkv3-dev');
    const source = panel.getByRole('region', {
      name: 'Source and sync policy',
    });
    assert.match(await source.innerText(), /Auto-sync on/);

    // A seeded app has deployed once; a sync of its own team's app gives the history an earlier entry.
    const before = (await historyRows(panel)).length;
    await panel.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Sync / });
    await dialog.getByRole('button', { name: 'Sync', exact: true }).click();
    await waitUntilClosed(page, dialog, 'argo-sync-dialog');
    await assertEventually(
      page,
      async () => assert.equal((await historyRows(panel)).length, before + 1),
      'argo-dev-history-grows',
      90_000,
    );

    const rollback = panel
      .getByRole('button', { name: /^Roll back to / })
      .first();
    assert.ok(await rollback.isDisabled(), 'Roll back is disabled');
    const reason = await rollback.getAttribute('aria-description');
    assert.match(reason, /auto-sync/i);
    await rollback.locator('..').hover();
    await assertEventually(
      page,
      async () =>
        assert.match(await page.getByRole('tooltip').innerText(), /auto-sync/i),
      'argo-rollback-reason-tooltip',
    );
  },
);
