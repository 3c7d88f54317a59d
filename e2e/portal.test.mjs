// What a person sees: the portal on the embedded default (simulated demo fleet), in Debian's
// Chromium driven by Playwright. Screenshots land in docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { usePortal, signInAs, openSkipTab, assertEventually, waitOrShoot, kubectl, shots } from './support/portal.mjs';

const session = usePortal();
/** The page the tests below share: signed in once, then used in order. */
let page;

test('a developer signs in as guest and opens the SKIP fleet page', { timeout: 120_000 }, async () => {
  page = await signInAs(session, 'Guest');
  await page.getByRole('link', { name: 'SKIP', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Fleet' }).first().waitFor();
  for (const environment of ['sandbox', 'dev', 'test', 'prod']) {
    await page.getByText(new RegExp(`^${environment}$`, 'i')).first().waitFor();
  }
  await page.getByText('atkv3-dev').first().waitFor();
  await page.screenshot({ path: path.join(shots, 'fleet-page.png'), fullPage: true });
});

test("a developer may sync their own team's app but not another team's, and is told why", { timeout: 180_000 }, async () => {
  await openSkipTab(page, 'seeiendom-api');
  const ownRow = page.locator('tr', { hasText: 'atkv3-dev' }).filter({ hasText: 'seeiendom-api' }).first();
  await waitOrShoot(page, ownRow, 'seeiendom-api-tab');
  const ownSync = ownRow.getByRole('button', { name: /^Sync / });
  await assertEventually(page, async () => assert.equal(await ownSync.isEnabled(), true), 'own app sync enabled');

  await openSkipTab(page, 'matrikkel-api');
  const otherRow = page.locator('tr', { hasText: 'atkv3-dev' }).filter({ hasText: 'matrikkel-api' }).first();
  await waitOrShoot(page, otherRow, 'matrikkel-api-tab-as-guest');
  const otherSync = otherRow.getByRole('button', { name: /^Sync / });
  await assertEventually(
    page,
    async () => assert.match((await otherSync.getAttribute('aria-description')) ?? '', /Only the team that owns namespace matrikkel-api-main on atkv3-dev/),
    'the reason on the disabled Sync',
  );
  assert.equal(await otherSync.isDisabled(), true);
  await page.screenshot({ path: path.join(shots, 'sync-disabled-other-team.png'), fullPage: true });

  // Pod logs and events of another team's namespace are theirs to read.
  await page.getByRole('button', { name: /Deployment matrikkel-api/ }).first().click();
  await waitOrShoot(page, page.getByRole('dialog').getByText(/Only the team that owns namespace 'matrikkel-api-main' on cluster 'atkv3-dev'/).first(), 'drill-down-not-allowed');
  await page.screenshot({ path: path.join(shots, 'drill-down-other-team.png'), fullPage: true });
  await page.keyboard.press('Escape');
});

test('the platform team sees why a failing app fails, one click away', { timeout: 120_000 }, async () => {
  page = await signInAs(session, 'Pia');
  await openSkipTab(page, 'matrikkel-api');
  const failing = page.getByRole('button', { name: /Deployment matrikkel-api/ }).first();
  await waitOrShoot(page, failing, 'matrikkel-api-tab');
  await page.screenshot({ path: path.join(shots, 'component-tab.png'), fullPage: true });
  await failing.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/ImagePullBackOff|ErrImagePull/).first().waitFor();
  assert.match(await dialog.innerText(), /v2\.4\.0-rc1-typo/);
  await page.screenshot({ path: path.join(shots, 'drill-down-image-pull.png'), fullPage: true });
});

test('from the catalog to a crash-looping app\'s pod log', { timeout: 120_000 }, async () => {
  await openSkipTab(page, 'nrl-register');
  const failing = page.getByRole('button', { name: /Deployment nrl-register/ }).first();
  await waitOrShoot(page, failing, 'nrl-register-tab');
  await failing.click();
  const log = page.getByRole('dialog').getByTestId('skip-pod-log');
  await waitOrShoot(page, log.getByText(/Connection to postgres:5432 refused/).first(), 'nrl-register-log');
  await page.screenshot({ path: path.join(shots, 'drill-down-pod-log.png'), fullPage: true });
});

test('a change on a cluster reaches an open component tab through a signal, not a poll', { timeout: 120_000 }, async () => {
  const signalFrames = [];
  const appsAnswers = [];
  page.on('websocket', ws =>
    ws.on('framereceived', frame => {
      if (String(frame.payload).includes('skip-fleet:changes')) signalFrames.push(Date.now());
    }),
  );
  page.on('request', request => {
    if (request.url().includes('/api/skip-fleet/apps?')) appsAnswers.push({ at: Date.now(), request });
  });
  await openSkipTab(page, 'geonorge-download');
  const prodRow = page.locator('tr', { hasText: 'atkv3-prod' }).filter({ hasText: 'geonorge-download' }).first();
  await waitOrShoot(page, prodRow, 'geonorge-download-tab');
  await prodRow.getByText('geonorge-download:3.0.0', { exact: false }).first().waitFor();

  // What a developer's pipeline would do: a new image on the app (prod syncs by hand, so nothing reverts it).
  const changedAt = Date.now();
  await kubectl('atkv3-prod', 'patch', 'applications.skiperator.kartverket.no', 'geonorge-download', '-n', 'geonorge-download-main', '--type', 'merge', '-p', '{"spec":{"image":"ghcr.io/kartverket/geonorge-download:3.0.0-hotfix"}}');
  await waitOrShoot(page, prodRow.getByText('geonorge-download:3.0.0-hotfix').first(), 'signal-update', 20_000);
  const shownAfterMs = Date.now() - changedAt;

  const firstSignal = signalFrames.find(at => at >= changedAt);
  assert.ok(firstSignal, 'a skip-fleet:changes signal arrived after the change');
  const refetch = appsAnswers.find(a => a.at >= firstSignal);
  assert.ok(refetch, 'the tab asked for its apps again after the signal');
  // The fallback poll is 60 s; the change was on screen long before one could have run.
  assert.ok(shownAfterMs < 20_000, `shown after ${shownAfterMs} ms`);
  process.stderr.write(`change on a cluster shown in an open tab after ${shownAfterMs} ms\n`);
});
