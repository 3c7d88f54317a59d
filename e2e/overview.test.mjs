// The catalog's Overview tab of a component and of a team says the SKIP state at a glance, and
// a failing app's pod log says plainly why a container has no log. At 1280 px, as the platform
// team (who may read every namespace's logs). Screenshots land in docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  usePortal,
  signInAs,
  openSkipTab,
  waitOrShoot,
  baseUrl,
  shots,
} from './support/portal.mjs';

const session = usePortal();
const viewport = { width: 1280, height: 900 };
let page;

test(
  "a component's Overview says where it runs and where it fails, and links to its SKIP tab",
  { timeout: 180_000 },
  async () => {
    page = await signInAs(session, 'Pia', viewport);
    await page.goto(`${baseUrl}/catalog/default/component/matrikkel-api`);
    // matrikkel-api runs in dev, test and prod; dev has a typo in its image tag.
    const line = page.getByText(/^3 environments · 1 failing \(dev\)/).first();
    await waitOrShoot(page, line, 'overview-card', 90_000);
    await page
      .getByText(/Failing · dev · atkv3-dev · matrikkel-api-main/)
      .first()
      .waitFor();
    const toTab = page.getByRole('link', { name: /Open the SKIP tab/ }).first();
    assert.match(
      await toTab.getAttribute('href'),
      /\/catalog\/default\/component\/matrikkel-api\/skip$/,
    );
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'overview-card.png') });
  },
);

test(
  "a team's page rolls its apps up: how many, how many fail and where",
  { timeout: 120_000 },
  async () => {
    await page.goto(`${baseUrl}/catalog/default/group/matrikkel`);
    const line = page
      .getByText(/^\d+ apps? · \d+ deployments? · 1 failing \(dev\)$/)
      .first();
    await waitOrShoot(page, line, 'team-rollup', 90_000);
    await page
      .getByText(/Failing · matrikkel-api · dev · atkv3-dev/)
      .first()
      .waitFor();
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'team-rollup.png') });
  },
);

test(
  "an image-pull pod's log opens on a container that has one and says why the app's has none",
  { timeout: 180_000 },
  async () => {
    await openSkipTab(page, 'matrikkel-api');
    const failing = page
      .getByRole('button', { name: /Deployment matrikkel-api/ })
      .first();
    await waitOrShoot(page, failing, 'matrikkel-api-tab', 90_000);
    await failing.click();
    const dialog = page.getByRole('dialog');
    const log = dialog.getByTestId('skip-pod-log');
    // The sidecar started and says what it waits for; the app container is listed with its reason.
    await waitOrShoot(
      page,
      log.getByText(/image can't be pulled/).first(),
      'image-pull-sidecar-log',
    );
    const container = dialog.getByLabel('Container');
    assert.match(
      await container.innerText(),
      /matrikkel-api \(waiting: image not found\)/,
    );

    const follow = dialog.getByRole('group', { name: 'Follow the log' });
    assert.match(await follow.innerText(), /Stopped/);
    await follow.getByRole('button', { name: 'Follow' }).click();
    await follow.getByText('Following').waitFor();
    await follow.getByRole('button', { name: 'Stop' }).click();
    await follow.getByText('Stopped').waitFor();

    await container.selectOption('matrikkel-api');
    await dialog
      .getByText(/No log yet/)
      .first()
      .waitFor();
    assert.match(
      await dialog.innerText(),
      /matrikkel-api: waiting: image not found/,
    );
    assert.doesNotMatch(
      await dialog.innerText(),
      /Could not read the log|the log is empty/,
    );
    await page.screenshot({ path: path.join(shots, 'pod-log.png') });
    await page.keyboard.press('Escape');
  },
);

test(
  "a crash-looping app's log shows why it crashed",
  { timeout: 120_000 },
  async () => {
    await openSkipTab(page, 'nrl-register');
    const failing = page
      .getByRole('button', { name: /Deployment nrl-register/ })
      .first();
    await waitOrShoot(page, failing, 'nrl-register-tab', 90_000);
    await failing.click();
    const log = page.getByRole('dialog').getByTestId('skip-pod-log');
    await waitOrShoot(
      page,
      log.getByText(/Connection to postgres:5432 refused/).first(),
      'nrl-register-previous-log',
    );
    assert.match(
      await page.getByRole('dialog').getByLabel('Container').innerText(),
      /nrl-register \(waiting: restarting after a crash\)/,
    );
  },
);
