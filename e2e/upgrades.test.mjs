// Staged cluster upgrades, walked as the platform team does them at 1280 px: Pia goes from the
// fleet page to "Cluster upgrades", previews an upgrade of the whole ladder to 1.31.200-gke.59
// (every stage, the admin cluster first with its exact gkectl command), starts it, and watches
// sandbox, dev and test upgrade until the run waits at the prod approval gate, which she may not
// approve herself (four-eyes); Ola approves it, the run succeeds, the fleet page shows every
// on-prem cluster at the new release and the runs history the run as succeeded. A developer
// (Guest) sees the wizard but may not plan or start a run. Screenshots land in docs/screenshots/.
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
const TARGET = '1.31.200-gke.59';
const TARGET_PATTERN = TARGET.replace(/\./g, '\\.');
const ENVIRONMENTS = ['sandbox', 'dev', 'test', 'prod'];
const ON_PREM = [
  'atkv3-sandbox',
  'atkv3-dev',
  'atkv3-test',
  'atkv3-prod',
  'atkv3-admin-nonprod',
  'atkv3-admin-prod',
];
/** The simulated upgrades take 30–60 s in all; a busy machine takes longer. */
const RUN_TIMEOUT = 180_000;

/** A stage of the run page: its section, named by its heading. */
const stageOf = (page, env) =>
  page.getByRole('region', { name: `Stage: ${env}` });

/**
 * The fleet page's "Cluster upgrades": a link drawn as a button (MUI gives it role=button), so
 * either role.
 */
const upgradesLinkOf = page =>
  page
    .getByRole('link', { name: 'Cluster upgrades', exact: true })
    .or(page.getByRole('button', { name: 'Cluster upgrades', exact: true }));

/** The state the run page's header shows ("Running", "Waiting", "Succeeded", …). */
const runState = page => page.getByLabel('Run state');

test(
  'a developer sees the upgrade wizard but may not plan or start a run',
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await page.goto(`${baseUrl}/skip/upgrades`);
    const note = page.getByText(
      'Only the platform team plans and starts upgrades.',
    );
    await waitOrShoot(page, note, 'upgrades-guest');
    assert.ok(
      await page.getByRole('button', { name: 'Preview plan' }).isDisabled(),
      'Preview plan is disabled',
    );
    assert.ok(
      await page.getByRole('button', { name: 'Start run' }).isDisabled(),
      'Start run is disabled',
    );
  },
);

test(
  'Pia previews and starts an upgrade of the whole ladder, Ola approves prod, and the fleet ends at the new release',
  { timeout: 300_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);

    // From the fleet page to the upgrades page, as a person gets there.
    await page.goto(`${baseUrl}/skip`);
    const upgradesLink = upgradesLinkOf(page);
    await waitOrShoot(page, upgradesLink, 'upgrades-fleet-link');
    await upgradesLink.click();
    await page.waitForURL(`${baseUrl}/skip/upgrades`);

    // Plan: the target release, the whole ladder.
    const target = page.getByLabel('Target release');
    await waitOrShoot(page, target, 'upgrades-wizard');
    await target.selectOption(TARGET);
    await page.getByLabel('Scope').selectOption('ladder');
    const previewButton = page.getByRole('button', { name: 'Preview plan' });
    // The permission answer arrives after the page.
    await assertEventually(
      page,
      async () => assert.ok(await previewButton.isEnabled()),
      'upgrades-preview-enabled',
    );
    await previewButton.click();

    const plan = page.getByRole('region', { name: 'Stage: sandbox' });
    await waitOrShoot(page, plan, 'upgrades-plan');
    for (const env of ENVIRONMENTS) {
      assert.ok(
        await page.getByRole('heading', { name: `Stage: ${env}` }).isVisible(),
        `the plan shows the ${env} stage`,
      );
    }
    assert.ok(
      await page
        .getByRole('heading', { name: 'Order: admin clusters first' })
        .isVisible(),
      'the plan says admin clusters go first',
    );
    // The admin cluster comes first: in the sandbox stage its upgrade is listed before the user cluster's.
    const sandboxSteps = await plan.getByRole('listitem').allInnerTexts();
    const adminUpgrade = sandboxSteps.findIndex(s =>
      s.includes('Upgrade admin cluster atkv3-admin-nonprod'),
    );
    const userUpgrade = sandboxSteps.findIndex(s =>
      s.includes('Upgrade user cluster atkv3-sandbox'),
    );
    assert.ok(
      adminUpgrade >= 0 && userUpgrade > adminUpgrade,
      `the admin cluster is upgraded before atkv3-sandbox: ${sandboxSteps
        .map(s => s.split('\n')[0])
        .join(' | ')}`,
    );
    // The exact command, as it will run on the admin workstation.
    assert.ok(
      await plan
        .getByText(
          'gkectl upgrade admin --kubeconfig kubeconfig-atkv3-admin-nonprod --config atkv3-admin-nonprod.yaml',
          { exact: true },
        )
        .isVisible(),
      'the plan shows the exact gkectl upgrade admin command',
    );
    assert.ok(
      await page
        .getByRole('region', { name: 'Stage: prod' })
        .getByText('Approve the prod stage')
        .isVisible(),
      'prod waits for an approval',
    );
    // The plan is long (every step of four stages): the shot shows its start, order and clusters
    // and the sandbox stage with the admin cluster first.
    await page
      .getByRole('heading', { name: 'Order: admin clusters first' })
      .evaluate(el =>
        el.closest('.MuiCard-root')?.scrollIntoView({ block: 'start' }),
      );
    await page.screenshot({ path: path.join(shots, 'upgrades-plan.png') });

    // Start it; the run page opens.
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/skip\/upgrades\/runs\/[^/]+$/);
    const runUrl = page.url();
    const runId = decodeURIComponent(runUrl.split('/').pop());
    await waitOrShoot(
      page,
      page.getByRole('heading', { name: `Upgrade run ${runId}` }),
      'upgrades-run-page',
    );

    // Sandbox, dev and test upgrade; then the run waits at the prod approval gate.
    const gate = stageOf(page, 'prod').getByRole('listitem', {
      name: 'Approve the prod stage',
    });
    await waitOrShoot(
      page,
      gate.getByText('Waiting', { exact: true }),
      'upgrades-run-gate',
      RUN_TIMEOUT,
    );
    await assertEventually(
      page,
      async () =>
        assert.equal((await runState(page).innerText()).trim(), 'Waiting'),
      'upgrades-run-waiting',
    );
    for (const env of ['sandbox', 'dev', 'test']) {
      const stage = stageOf(page, env);
      const steps = stage.getByRole('listitem');
      const total = await steps.count();
      assert.ok(total > 0, `the ${env} stage has steps`);
      assert.equal(
        await steps.filter({ hasText: 'Succeeded' }).count(),
        total,
        `every step of the ${env} stage succeeded: ${(
          await stage.innerText()
        ).slice(0, 2000)}`,
      );
      assert.ok(
        await stage.getByText(`${total}/${total} steps done`).isVisible(),
      );
    }
    // Prod has not begun.
    assert.equal(
      await stageOf(page, 'prod')
        .getByRole('listitem')
        .filter({ hasText: 'Succeeded' })
        .count(),
      0,
      'no prod step ran before the approval',
    );
    // Four-eyes: Pia started the run, so she may not approve its prod gate, and the page says why.
    const piaApprove = gate.getByRole('button', {
      name: 'Approve',
      exact: true,
    });
    assert.ok(await piaApprove.isDisabled(), "Pia's Approve is disabled");
    const reasonId = await piaApprove.getAttribute('aria-describedby');
    assert.ok(reasonId, 'the disabled Approve is described by its reason');
    const reason = page.locator(`[id="${reasonId}"]`);
    assert.ok(await reason.isVisible(), 'the reason is visible');
    assert.match(
      await reason.innerText(),
      /started|four-eyes|someone else|another/i,
      'the reason names the four-eyes rule',
    );
    console.log(`Pia may not approve: ${await reason.innerText()}`);
    // The run page is long (every step of every stage): the shot shows the prod stage and its gate.
    await stageOf(page, 'prod').evaluate(el =>
      el.scrollIntoView({ block: 'start' }),
    );
    await page.screenshot({ path: path.join(shots, 'upgrades-run.png') });

    // The page of a cluster in the run links to it and tells where it stands.
    await page.goto(`${baseUrl}/skip/clusters/atkv3-prod`);
    const runLink = page.getByRole('link', { name: `Upgrade run ${runId}` });
    await waitOrShoot(page, runLink, 'upgrades-cluster-card');
    assert.equal(
      await runLink.getAttribute('href'),
      `/skip/upgrades/runs/${encodeURIComponent(runId)}`,
    );
    assert.match(
      await runLink
        .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]')
        .innerText(),
      /Waiting[\s\S]*Now: Approve the prod stage/,
    );

    // Ola, in a context of her own, approves the prod stage of the same run.
    const ola = await signInAs(session, 'Ola', VIEWPORT);
    await ola.goto(runUrl);
    const olaGate = stageOf(ola, 'prod').getByRole('listitem', {
      name: 'Approve the prod stage',
    });
    const olaApprove = olaGate.getByRole('button', {
      name: 'Approve',
      exact: true,
    });
    await waitOrShoot(ola, olaApprove, 'upgrades-ola-approve');
    await assertEventually(
      ola,
      async () => assert.ok(await olaApprove.isEnabled()),
      'upgrades-ola-approve-enabled',
    );
    await olaApprove.click();
    await waitOrShoot(
      ola,
      // The step's message and its "approved by" line both say it.
      olaGate.getByText('Approved by user:default/ola').first(),
      'upgrades-ola-approved',
    );

    // Prod upgrades; the run ends as succeeded.
    await waitOrShoot(
      ola,
      runState(ola).getByText('Succeeded', { exact: true }),
      'upgrades-run-succeeded',
      RUN_TIMEOUT,
    );
    const prodSteps = stageOf(ola, 'prod').getByRole('listitem');
    assert.equal(
      await prodSteps.filter({ hasText: 'Succeeded' }).count(),
      await prodSteps.count(),
      'every prod step succeeded',
    );

    // The fleet page shows every on-prem cluster at the new release.
    await ola.goto(`${baseUrl}/skip`);
    for (const name of ON_PREM) {
      // The row of the cluster itself (other rows link to it as their admin cluster or as managed).
      const row = ola.locator('tbody tr').filter({
        has: ola
          .locator('td:nth-child(2)')
          .getByRole('link', { name, exact: true }),
      });
      await waitOrShoot(ola, row.first(), `upgrades-fleet-${name}`);
      await assertEventually(
        ola,
        async () =>
          assert.match(
            await row.first().innerText(),
            new RegExp(`release ${TARGET_PATTERN}`),
          ),
        `upgrades-fleet-${name}-release`,
        60_000,
      );
    }

    // The runs history shows the run as succeeded.
    await upgradesLinkOf(ola).click();
    await ola.waitForURL(`${baseUrl}/skip/upgrades`);
    const historyRow = ola.locator('tr', {
      has: ola.getByRole('link', { name: runId, exact: true }),
    });
    await waitOrShoot(ola, historyRow, 'upgrades-history');
    const historyText = await historyRow.innerText();
    assert.match(historyText, /Succeeded/);
    assert.match(historyText, new RegExp(TARGET_PATTERN));
    assert.match(historyText, /pia/i);
    // The versions card (slower: it asks the fleet) has prod at the new release too.
    const prodVersion = ola.locator('tr', {
      has: ola.getByRole('link', { name: 'atkv3-prod', exact: true }),
    });
    await waitOrShoot(ola, prodVersion, 'upgrades-history-versions');
    assert.match(await prodVersion.innerText(), new RegExp(TARGET_PATTERN));
    await ola.screenshot({
      path: path.join(shots, 'upgrades-history.png'),
      fullPage: true,
    });
  },
);
