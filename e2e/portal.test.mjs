// What a person sees: the portal on the embedded default (simulated demo fleet), in Debian's
// Chromium driven by Playwright. Screenshots land in docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 7107;
const baseUrl = `http://localhost:${port}`;
const shots = path.join(root, 'docs', 'screenshots');
let portal;
let browser;
let page;

before(async () => {
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  portal = spawn('node', ['scripts/run-portal.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SKIP_SIM_DIR: path.join(root, '.skip-run', 'sim-e2e'), SKIP_EXTRA_CONFIG: path.join(root, 'e2e', 'app-config.e2e.yaml') },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('portal did not start in 240 s')), 240_000);
    portal.on('exit', code => reject(new Error(`portal exited with ${code}`)));
    portal.stdout.on('data', chunk => {
      process.stderr.write(chunk);
      if (String(chunk).includes('SKIP Portal is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

/** Signs in on the embedded default's sign-in page as one of the local users, in a fresh context. */
async function signInAs(title) {
  await page?.context().close();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(baseUrl);
  const choice = page.getByRole('button', { name: `Sign in as ${title}` });
  await choice.waitFor();
  if (title === 'Guest') await page.screenshot({ path: path.join(shots, 'sign-in.png') });
  await choice.click();
}

test('a developer signs in as guest and opens the SKIP fleet page', { timeout: 120_000 }, async () => {
  await signInAs('Guest');
  await page.getByRole('link', { name: 'SKIP', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Fleet' }).first().waitFor();
  for (const environment of ['sandbox', 'dev', 'test', 'prod']) {
    await page.getByText(new RegExp(`^${environment}$`, 'i')).first().waitFor();
  }
  await page.getByText('atkv3-dev').first().waitFor();
  await page.screenshot({ path: path.join(shots, 'fleet-page.png'), fullPage: true });
});

async function openSkipTab(component) {
  await page.goto(`${baseUrl}/catalog/default/component/${component}`);
  await page.getByRole('heading', { name: component }).first().waitFor({ timeout: 60_000 });
  // The entity's own SKIP tab, not the sidebar's SKIP entry.
  const tab = page.locator(`a[href$="/catalog/default/component/${component}/skip"]`).first();
  await waitOrShoot(tab, `${component}-page`);
  await tab.click();
}

/** Retries an assertion for up to 30 s (permission answers and polls arrive later). */
async function assertEventually(check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await page.screenshot({ path: path.join(root, 'test-results', `${what.replace(/\W+/g, '-')}.png`), fullPage: true });
        throw error;
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

/** Waits for a locator, saving a screenshot of the page when it never shows up. */
async function waitOrShoot(locator, name, timeout = 60_000) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    await page.screenshot({ path: path.join(root, 'test-results', `${name}.png`), fullPage: true });
    throw error;
  }
}

test("a developer may sync their own team's app but not another team's, and is told why", { timeout: 180_000 }, async () => {
  await openSkipTab('seeiendom-api');
  const ownRow = page.locator('tr', { hasText: 'atkv3-dev' }).filter({ hasText: 'seeiendom-api' }).first();
  await waitOrShoot(ownRow, 'seeiendom-api-tab');
  const ownSync = ownRow.getByRole('button', { name: /^Sync / });
  await assertEventually(async () => assert.equal(await ownSync.isEnabled(), true), 'own app sync enabled');

  await openSkipTab('matrikkel-api');
  const otherRow = page.locator('tr', { hasText: 'atkv3-dev' }).filter({ hasText: 'matrikkel-api' }).first();
  await waitOrShoot(otherRow, 'matrikkel-api-tab-as-guest');
  const otherSync = otherRow.getByRole('button', { name: /^Sync / });
  await assertEventually(
    async () => assert.match((await otherSync.getAttribute('aria-description')) ?? '', /Only the team that owns namespace matrikkel-api-main on atkv3-dev/),
    'the reason on the disabled Sync',
  );
  assert.equal(await otherSync.isDisabled(), true);
  await page.screenshot({ path: path.join(shots, 'sync-disabled-other-team.png'), fullPage: true });

  // Pod logs and events of another team's namespace are theirs to read.
  await page.getByRole('button', { name: /Deployment matrikkel-api/ }).first().click();
  await waitOrShoot(page.getByRole('dialog').getByText(/Only the team that owns namespace 'matrikkel-api-main' on cluster 'atkv3-dev'/).first(), 'drill-down-not-allowed');
  await page.screenshot({ path: path.join(shots, 'drill-down-other-team.png'), fullPage: true });
  await page.keyboard.press('Escape');
});

test('the platform team sees why a failing app fails, one click away', { timeout: 120_000 }, async () => {
  await signInAs('Pia');
  await openSkipTab('matrikkel-api');
  const failing = page.getByRole('button', { name: /Deployment matrikkel-api/ }).first();
  await waitOrShoot(failing, 'matrikkel-api-tab');
  await page.screenshot({ path: path.join(shots, 'component-tab.png'), fullPage: true });
  await failing.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/ImagePullBackOff|ErrImagePull/).first().waitFor();
  assert.match(await dialog.innerText(), /v2\.4\.0-rc1-typo/);
  await page.screenshot({ path: path.join(shots, 'drill-down-image-pull.png'), fullPage: true });
});

test('from the catalog to a crash-looping app\'s pod log', { timeout: 120_000 }, async () => {
  await openSkipTab('nrl-register');
  const failing = page.getByRole('button', { name: /Deployment nrl-register/ }).first();
  await waitOrShoot(failing, 'nrl-register-tab');
  await failing.click();
  const log = page.getByRole('dialog').getByTestId('skip-pod-log');
  await waitOrShoot(log.getByText(/Connection to postgres:5432 refused/).first(), 'nrl-register-log');
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
  await openSkipTab('geonorge-download');
  const prodRow = page.locator('tr', { hasText: 'atkv3-prod' }).filter({ hasText: 'geonorge-download' }).first();
  await waitOrShoot(prodRow, 'geonorge-download-tab');
  await prodRow.getByText('geonorge-download:3.0.0', { exact: false }).first().waitFor();

  // What a developer's pipeline would do: a new image on the app (prod syncs by hand, so nothing reverts it).
  const changedAt = Date.now();
  await kubectl('atkv3-prod', 'patch', 'applications.skiperator.kartverket.no', 'geonorge-download', '-n', 'geonorge-download-main', '--type', 'merge', '-p', '{"spec":{"image":"ghcr.io/kartverket/geonorge-download:3.0.0-hotfix"}}');
  await waitOrShoot(prodRow.getByText('geonorge-download:3.0.0-hotfix').first(), 'signal-update', 20_000);
  const shownAfterMs = Date.now() - changedAt;

  const firstSignal = signalFrames.find(at => at >= changedAt);
  assert.ok(firstSignal, 'a skip-fleet:changes signal arrived after the change');
  const refetch = appsAnswers.find(a => a.at >= firstSignal);
  assert.ok(refetch, 'the tab asked for its apps again after the signal');
  // The fallback poll is 60 s; the change was on screen long before one could have run.
  assert.ok(shownAfterMs < 20_000, `shown after ${shownAfterMs} ms`);
  process.stderr.write(`change on a cluster shown in an open tab after ${shownAfterMs} ms\n`);
});

/** kubectl against the simulated fleet the portal runs on. */
async function kubectl(context, ...args) {
  const { execFile } = await import('node:child_process');
  const kubeconfig = path.join(root, '.skip-run', 'sim-e2e', 'kubeconfig.yaml');
  return new Promise((resolve, reject) =>
    execFile('kubectl', ['--kubeconfig', kubeconfig, '--context', context, ...args], { timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );
}
