// What an app is made of, walked at 1280 px: a healthy app's resource tree (Application →
// Deployment → ReplicaSet → Pods, Service, ...) whose nodes open their drill-down, with the open
// row and drill-down in the URL so a reload (or a shared link) shows the same; then a failing
// app's tree, which says once why it fails and marks the failing nodes with their reason.
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
} from './support/portal.mjs';
import { assertNoSidewaysScroll, assertOnOneLine } from './support/layout.mjs';

const session = usePortal();
const VIEWPORT = { width: 1280, height: 900 };

/** Opens an app's row on the SKIP tab and returns its resource tree's region. */
async function openTree(page, app, cluster) {
  const toggle = page.getByRole('button', {
    name: `Details of ${app} on ${cluster}`,
  });
  await waitOrShoot(page, toggle, `${app}-toggle`);
  await toggle.click();
  const details = page.getByRole('region', {
    name: `Details of ${app} on ${cluster}`,
  });
  const tree = details.getByRole('region', { name: 'Resource tree' });
  await waitOrShoot(
    page,
    tree.getByRole('list', { name: `Resources of ${app}` }),
    `${app}-tree`,
  );
  return tree;
}

/** The page does not scroll sideways, and no status label in the tree wraps onto two lines. */
async function assertFitsOnOneScreenWidth(page, tree) {
  await assertNoSidewaysScroll(page);
  await assertOnOneLine(
    await tree
      .getByText(
        /^(Healthy|Failing|Progressing|Unknown|Synced|OutOfSync|Requires pruning|Sync unknown)$/,
      )
      .all(),
  );
}

/** The app's row on top, then its links and tree, at the viewport's 1280 px. */
async function screenshotTree(page, app, cluster, name) {
  const toggle = page.getByRole('button', {
    name: `Details of ${app} on ${cluster}`,
  });
  await toggle.evaluate(el =>
    el.closest('tr').scrollIntoView({ block: 'start' }),
  );
  await page.screenshot({ path: path.join(shots, name) });
}

test(
  "a healthy app's tree shows what Skiperator made, and a node's drill-down survives a reload",
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await openSkipTab(page, 'seeiendom-api');
    const tree = await openTree(page, 'seeiendom-api', 'atkv3-dev');

    const node = kind =>
      tree.getByRole('button', { name: new RegExp(`^${kind} seeiendom-api`) });
    await waitOrShoot(page, node('Application'), 'tree-application');
    for (const kind of ['Deployment', 'ReplicaSet', 'Pod', 'Service']) {
      assert.ok((await node(kind).count()) > 0, `the tree shows a ${kind}`);
    }
    // Pods sit under their ReplicaSet, which sits under the Deployment: deeper each time.
    const depthOf = async kind =>
      Number(
        await node(kind)
          .first()
          .locator('xpath=ancestor::li[1]')
          .getAttribute('data-depth'),
      );
    assert.deepEqual(
      [
        await depthOf('Application'),
        await depthOf('Deployment'),
        await depthOf('ReplicaSet'),
        await depthOf('Pod'),
      ],
      [0, 1, 2, 3],
    );
    assert.match(
      await node('Application').locator('xpath=ancestor::li[1]').innerText(),
      /Healthy[\s\S]*Synced/,
    );
    assert.match(
      page.url(),
      /[?&]app=atkv3-dev%2Fseeiendom-api-main%2Fseeiendom-api|[?&]app=atkv3-dev\/seeiendom-api/,
    );
    await assertFitsOnOneScreenWidth(page, tree);
    await screenshotTree(
      page,
      'seeiendom-api',
      'atkv3-dev',
      'resource-tree-healthy.png',
    );

    const pod = node('Pod').first();
    const podName = (await pod.innerText()).replace(/^Pod\s+/, '').trim();
    await pod.click();
    const dialog = page.getByRole('dialog', { name: `Pod ${podName}` });
    await waitOrShoot(
      page,
      dialog.getByRole('region', { name: 'Conditions' }),
      'tree-pod-drill-down',
    );
    await assertEventually(
      page,
      async () =>
        assert.match(
          decodeURIComponent(page.url()),
          new RegExp(`resource=atkv3-dev/[a-z0-9-]+/Pod/${podName}`),
        ),
      'drill-down-in-url',
    );

    // The URL is the drill-down: a reload opens the same row and the same pod.
    await page.reload();
    const again = page.getByRole('dialog', { name: `Pod ${podName}` });
    await waitOrShoot(
      page,
      again.getByRole('region', { name: 'Conditions' }),
      'tree-pod-after-reload',
      90_000,
    );
    // The open dialog hides the page from the accessibility tree, hence includeHidden.
    assert.equal(
      await page
        .getByRole('region', {
          name: 'Details of seeiendom-api on atkv3-dev',
          includeHidden: true,
        })
        .count(),
      1,
      'the row is open again behind the dialog',
    );

    // Its live YAML has no managed fields.
    const yaml = again.getByRole('region', { name: 'YAML' });
    await yaml.getByRole('button', { name: /The live object/ }).click();
    await assertEventually(
      page,
      async () =>
        assert.match(await yaml.innerText(), new RegExp(`name: ${podName}`)),
      'pod-yaml',
    );
    assert.doesNotMatch(await yaml.innerText(), /managedFields/);

    await again.getByRole('button', { name: 'Close' }).click();
    await again.waitFor({ state: 'hidden' });
    assert.doesNotMatch(page.url(), /resource=/);
    assert.match(page.url(), /app=/);
  },
);

test(
  "a failing app's tree says why once and marks the failing pod and deployment with their reason",
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);
    await openSkipTab(page, 'matrikkel-api');
    const tree = await openTree(page, 'matrikkel-api', 'atkv3-dev');

    const explanation = tree.getByRole('alert');
    await waitOrShoot(
      page,
      explanation.getByText('Image not found'),
      'tree-explanation',
    );
    assert.equal(
      await tree.getByRole('alert').count(),
      1,
      'the cause is told once',
    );

    const rowOf = kind =>
      tree
        .getByRole('listitem')
        .filter({
          has: page.getByRole('button', {
            name: new RegExp(`^${kind} matrikkel-api`),
          }),
        });
    const pod = rowOf('Pod').first();
    assert.match(
      await pod.innerText(),
      /Image not found: ghcr\.io\/kartverket\/matrikkel-api:v2\.4\.0-rc1-typo/,
    );
    assert.match(await pod.innerText(), /Failing/);
    const deployment = rowOf('Deployment').first();
    assert.doesNotMatch(await deployment.innerText(), /Healthy/);
    assert.match(await rowOf('Service').first().innerText(), /Healthy/);

    await assertFitsOnOneScreenWidth(page, tree);
    await screenshotTree(
      page,
      'matrikkel-api',
      'atkv3-dev',
      'resource-tree-failing.png',
    );
  },
);
