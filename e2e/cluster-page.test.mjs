// The fleet page and a cluster's page, walked as a person would at 1280 px: the fleet reads
// status first with admin clusters apart, a row opens the cluster page, which shows the
// cluster's nodes and the apps on it with their state. Screenshots land in docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  usePortal,
  signInAs,
  waitOrShoot,
  assertEventually,
  baseUrl,
  shots,
} from './support/portal.mjs';

const session = usePortal();
const VIEWPORT = { width: 1280, height: 900 };

/** Whether anything on the page scrolls sideways: the page itself or a table's container. */
function sidewaysScrolling() {
  const found = [];
  for (const table of document.querySelectorAll('table')) {
    let container = table.parentElement;
    while (
      container &&
      !['auto', 'scroll'].includes(getComputedStyle(container).overflowX)
    )
      container = container.parentElement;
    if (container && container.scrollWidth > container.clientWidth + 1) {
      // Name the columns and their widths, so a failure says which one is too wide.
      const columns = [...table.querySelectorAll('th')].map(
        th =>
          `${th.textContent.trim()} ${Math.round(
            th.getBoundingClientRect().width,
          )}`,
      );
      found.push(
        `${container.scrollWidth} > ${container.clientWidth}: ${columns.join(
          ', ',
        )}`,
      );
    }
  }
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth + 1)
    found.push(`the page: ${root.scrollWidth} > ${root.clientWidth}`);
  return found;
}

test(
  'the fleet page lists admin clusters apart and a row opens the cluster page with its nodes and apps',
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await page.goto(`${baseUrl}/skip`);

    const clusters = page.locator('table').first();
    const devRow = clusters.locator('tr', {
      has: page.getByRole('link', { name: 'atkv3-dev', exact: true }),
    });
    await waitOrShoot(page, devRow, 'fleet-page');
    // Status comes first.
    assert.equal(
      (await clusters.locator('th').first().textContent()).trim(),
      'Status',
    );
    // The admin cluster of sandbox, dev and test is listed apart, with the clusters it manages.
    const admins = page.locator('table').nth(1);
    const adminRow = admins.locator('tbody tr', {
      has: page.getByRole('link', { name: 'atkv3-admin-nonprod', exact: true }),
    });
    await waitOrShoot(page, adminRow, 'fleet-page-admin');
    for (const managed of ['atkv3-sandbox', 'atkv3-dev', 'atkv3-test']) {
      assert.ok(
        await adminRow
          .getByRole('link', { name: managed, exact: true })
          .isVisible(),
        `admin row names ${managed}`,
      );
    }
    // The user clusters' table names it only as the admin cluster of its rows, never as a row of its own.
    const clusterNames = await clusters
      .locator('tbody tr td:nth-child(2) a')
      .allTextContents();
    assert.ok(
      clusterNames.includes('atkv3-test') &&
        !clusterNames.includes('atkv3-admin-nonprod'),
      clusterNames.join(', '),
    );
    await assertEventually(
      page,
      async () => assert.ok(await devRow.getByText('Reachable').isVisible()),
      'atkv3-dev reachable',
    );
    assert.deepEqual(
      await page.evaluate(sidewaysScrolling),
      [],
      'nothing scrolls sideways at 1280 px',
    );
    await page.screenshot({
      path: path.join(shots, 'fleet-page.png'),
      fullPage: true,
    });

    // A click anywhere on the row (not only on the name) opens the cluster's page.
    await devRow.locator('td').nth(4).click();
    await page.waitForURL(`${baseUrl}/skip/clusters/atkv3-dev`);
    await page.getByRole('heading', { name: 'atkv3-dev' }).waitFor();

    const nodes = page.locator('table', {
      has: page.getByRole('columnheader', { name: 'Kubelet' }),
    });
    await waitOrShoot(
      page,
      nodes.locator('tr', { hasText: 'atkv3-dev-pool-1' }).first(),
      'cluster-page-nodes',
    );
    assert.equal(
      await nodes.locator('tbody tr', { hasText: 'Ready' }).count(),
      4,
      'four Ready nodes',
    );

    const apps = page.locator('table', {
      has: page.getByRole('columnheader', { name: 'Argo CD' }),
    });
    const appRow = apps.locator('tr', {
      has: page.getByRole('link', { name: 'matrikkel-api', exact: true }),
    });
    await waitOrShoot(page, appRow, 'cluster-page-apps');
    assert.match(await appRow.innerText(), /Synced|OutOfSync/);
    assert.equal(
      await appRow
        .getByRole('link', { name: 'matrikkel-api', exact: true })
        .getAttribute('href'),
      '/catalog/default/component/matrikkel-api/skip',
    );
    await page.getByText('No upgrade running.').waitFor();
    assert.ok(
      await page.getByRole('link', { name: 'Cluster upgrades' }).isVisible(),
      'links to the upgrades page when no run includes the cluster',
    );
    assert.deepEqual(
      await page.evaluate(sidewaysScrolling),
      [],
      'nothing scrolls sideways at 1280 px',
    );
    await page.screenshot({
      path: path.join(shots, 'cluster-page.png'),
      fullPage: true,
    });

    // The admin cluster opens its own page, which lists the clusters it manages.
    await page
      .getByRole('link', { name: 'atkv3-admin-nonprod', exact: true })
      .click();
    await page.waitForURL(`${baseUrl}/skip/clusters/atkv3-admin-nonprod`);
    await waitOrShoot(
      page,
      page.getByRole('link', { name: 'atkv3-sandbox', exact: true }),
      'cluster-page-admin',
    );

    // Back to the fleet.
    await page.getByRole('link', { name: /All clusters/ }).click();
    await page.waitForURL(`${baseUrl}/skip`);
  },
);
