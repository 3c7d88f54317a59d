// Access (IAM groups to Kubernetes RBAC), walked as the platform team does it at 1280 px: Pia goes
// from the fleet page to "Access", adds a rule through the editor (matrikkel may view its own
// namespaces on the dev clusters), sees it in the group × environment matrix, opens the plan, sees
// the RoleBindings it creates on both dev clusters, applies the plan and sees each cluster's
// result. A developer (Guest) reads the same page but is offered neither Add rule nor Apply.
// Screenshots land in docs/screenshots/.
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
/** A fresh id per run, so a portal that kept its database from an earlier run does not refuse it. */
const RULE_ID = `matrikkel-dev-view-${Date.now().toString(36)}`;
/** Matrikkel's namespaces on the demo's dev clusters. */
const DEV_NAMESPACES = {
  'atkv3-dev': 'matrikkel-api-main',
  'atgcp1-dev': 'matrikkel-gateway-main',
};
const MATRIKKEL_IAM = 'aad-tf-team-matrikkel@kartverket.no';

/** The fleet page's "Access": a link drawn as a button (MUI gives it role=button), so either role. */
const accessLinkOf = page =>
  page
    .getByRole('link', { name: 'Access', exact: true })
    .or(page.getByRole('button', { name: 'Access', exact: true }));

/** The matrix cell of a group's row (by its title) in an environment's column. */
const matrixCell = (page, title, env) => {
  const column = { sandbox: 2, dev: 3, test: 4, prod: 5 }[env];
  return page
    .getByRole('table', { name: 'Access by group and environment' })
    .locator('tbody tr')
    .filter({
      has: page.getByRole('rowheader', { name: new RegExp(`^${title}`) }),
    })
    .locator(`td:nth-child(${column})`);
};

/** The plan's change that binds view for matrikkel in a namespace of a cluster. */
const viewCreateOn = (page, cluster) =>
  page
    .getByRole('region', { name: `Plan of ${cluster}` })
    .getByRole('listitem')
    .filter({ hasText: `role view for ${MATRIKKEL_IAM}` })
    .filter({ hasText: DEV_NAMESPACES[cluster] })
    .filter({ hasText: /^create/ });

test(
  'a developer reads the access rules and the plan but is offered no changes',
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await page.goto(`${baseUrl}/skip/access`);
    const matrix = page.getByRole('table', {
      name: 'Access by group and environment',
    });
    await waitOrShoot(page, matrix, 'access-guest');
    assert.equal(
      await page.getByRole('button', { name: 'Add rule' }).count(),
      0,
      'no Add rule for a developer',
    );
    assert.equal(
      await page.getByRole('button', { name: /^Edit rule/ }).count(),
      0,
      'no rule can be edited by a developer',
    );

    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.waitForURL(`${baseUrl}/skip/access/plan`);
    await waitOrShoot(
      page,
      page.getByRole('region', { name: /^Plan of / }).first(),
      'access-guest-plan',
    );
    assert.equal(
      await page.getByRole('button', { name: /^Apply/ }).count(),
      0,
      'no Apply for a developer',
    );
  },
);

test(
  'Pia adds a rule, sees it in the matrix and the plan, and applies it to the dev clusters',
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);

    // From the fleet page to the access page, as a person gets there.
    await page.goto(`${baseUrl}/skip`);
    const accessLink = accessLinkOf(page);
    await waitOrShoot(page, accessLink, 'access-fleet-link');
    await accessLink.click();
    await page.waitForURL(`${baseUrl}/skip/access`);

    // The editor: matrikkel, view, every dev cluster, matrikkel's own prefix.
    const add = page.getByRole('button', { name: 'Add rule' });
    await waitOrShoot(page, add, 'access-add-rule');
    await add.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Id', { exact: true }).fill(RULE_ID);
    await dialog
      .getByLabel('Description')
      .fill('Matrikkel reads its dev namespaces');
    await dialog
      .getByLabel('Group', { exact: true })
      .selectOption('group:default/matrikkel');
    await dialog.getByLabel('Role', { exact: true }).fill('view');
    await dialog
      .getByLabel('Clusters', { exact: true })
      .selectOption('environment');
    await dialog.getByLabel('Environment', { exact: true }).selectOption('dev');
    await dialog
      .getByLabel('Namespaces', { exact: true })
      .selectOption('team-prefix');
    await dialog
      .getByLabel('Team', { exact: true })
      .selectOption('group:default/matrikkel');
    // The backend checked the rule: where it binds, and Save is offered.
    const binds = dialog.getByText(/^Would bind on: /);
    await waitOrShoot(page, binds, 'access-editor-verdict');
    const bindsOn = await binds.innerText();
    for (const cluster of Object.keys(DEV_NAMESPACES)) {
      assert.match(
        bindsOn,
        new RegExp(cluster),
        `the rule binds on ${cluster}`,
      );
    }
    const save = dialog.getByRole('button', { name: 'Save' });
    await assertEventually(
      page,
      async () => assert.ok(await save.isEnabled()),
      'access-save-enabled',
    );
    await page.screenshot({ path: path.join(shots, 'access-editor.png') });
    await save.click();
    await dialog.waitFor({ state: 'detached' });

    // The matrix has matrikkel's view in the dev column only (the rule row says where).
    const dev = matrixCell(page, 'Matrikkel', 'dev');
    await assertEventually(
      page,
      async () =>
        assert.match(await dev.innerText(), /view · prefix matrikkel-/),
      'access-matrix-dev',
    );
    for (const env of ['sandbox', 'test', 'prod']) {
      // (The rules folder lets matrikkel view seeiendom's namespaces in test: another prefix.)
      assert.doesNotMatch(
        await matrixCell(page, 'Matrikkel', env).innerText(),
        /view · prefix matrikkel-/,
        `no view in its own prefix for matrikkel in ${env}`,
      );
    }
    const ruleRow = page.locator('tr', {
      has: page.getByText(RULE_ID, { exact: true }),
    });
    assert.match(await ruleRow.innerText(), /database/);
    await page.screenshot({
      path: path.join(shots, 'access-rules.png'),
      fullPage: true,
    });

    // The plan creates the view bindings on both dev clusters.
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.waitForURL(`${baseUrl}/skip/access/plan`);
    for (const cluster of Object.keys(DEV_NAMESPACES)) {
      await waitOrShoot(
        page,
        viewCreateOn(page, cluster).first(),
        `access-plan-${cluster}`,
      );
    }
    await page
      .getByRole('region', { name: 'Plan of atkv3-dev' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'access-plan.png') });

    // Apply, after the confirmation; each cluster's result is shown.
    const apply = page.getByRole('button', { name: 'Apply', exact: true });
    await assertEventually(
      page,
      async () => assert.ok(await apply.isEnabled()),
      'access-apply-enabled',
    );
    await apply.click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Apply', exact: true })
      .click();
    const result = page.getByRole('list', { name: 'Apply result' });
    await waitOrShoot(page, result, 'access-apply-result', 120_000);
    const resultText = await result.innerText();
    for (const cluster of Object.keys(DEV_NAMESPACES)) {
      assert.match(
        resultText,
        new RegExp(`${cluster}:\\s*(applied|unchanged)`),
        `${cluster} was applied: ${resultText}`,
      );
    }
    await page.screenshot({ path: path.join(shots, 'access-applied.png') });

    // The plan is made again: the view bindings exist now, so they are no longer to create.
    await assertEventually(
      page,
      async () =>
        assert.equal(await viewCreateOn(page, 'atkv3-dev').count(), 0),
      'access-plan-after-apply',
      60_000,
    );
  },
);

test(
  "a team's catalog page shows what the team can do on the clusters, from rules and from bindings made elsewhere",
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await page.goto(`${baseUrl}/catalog/default/group/seeiendom`);
    // The overview card names what deserves a look: the apps repo's namespace-admin
    // RoleBinding gives the team cluster-admin, outside the portal's rules.
    const outside = page.getByRole('list', { name: 'Made outside the portal' });
    await waitOrShoot(page, outside, 'access-group-card', 60_000);
    assert.match(
      await outside.innerText(),
      /cluster-admin in seeiendom-api-main on atkv3-dev · RoleBinding seeiendom-api-main\/namespace-admin/,
    );
    await outside.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'access-group-card.png') });

    // The Access tab lists every grant, the team's default rule among them.
    await page.getByRole('link', { name: /Every grant/ }).click();
    await page.waitForURL(`${baseUrl}/catalog/default/group/seeiendom/access`);
    const rule = page.getByText('rule default-seeiendom').first();
    await waitOrShoot(page, rule, 'access-group-tab', 60_000);
    await page.screenshot({ path: path.join(shots, 'access-group-tab.png') });
  },
);
