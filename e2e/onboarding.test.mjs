// Onboarding (a team's namespace prefix), walked at 1280 px: Mats, a developer in the new team
// `newteam`, goes from the fleet page to "Onboarding" and requests `newteam-` for it, and sees
// the request pending. Pia (platform team) reviews the plan (an AppProject and an ApplicationSet
// on argocd-nonprod and on argocd-prod), approves it and sees it approved, with the result on
// each Argo CD instance; the prefix is then listed, and on the team's catalog page. Guest (a
// developer in seeiendom) is not offered newteam, and `seeiendom-x-` for seeiendom is refused as
// it overlaps seeiendom-. Screenshots land in docs/screenshots/.
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
const TEAM = 'group:default/newteam';
const PREFIX = 'newteam-';
const INSTANCES = ['argocd-nonprod', 'argocd-prod'];
const KINDS = ['AppProject', 'ApplicationSet'];

/** The fleet page's "Onboarding": a link drawn as a button (MUI gives it role=button), so either role. */
const onboardingLinkOf = page =>
  page
    .getByRole('link', { name: 'Onboarding', exact: true })
    .or(page.getByRole('button', { name: 'Onboarding', exact: true }));

/** A row of the Requests tab, by the prefix asked for. */
const requestRow = (page, prefix) =>
  page
    .getByRole('table', { name: 'Prefix requests' })
    .locator('tbody tr')
    .filter({
      has: page.locator('code', { hasText: new RegExp(`^${prefix}$`) }),
    });

/** A row of the Prefixes tab, by its prefix. */
const prefixRow = (page, prefix) =>
  page
    .getByRole('table', { name: 'Prefixes' })
    .locator('tbody tr')
    .filter({
      has: page.getByRole('rowheader', { name: prefix, exact: true }),
    });

/** The values the Team field offers. */
const offeredTeams = page =>
  page
    .getByLabel('Team', { exact: true })
    .locator('option')
    .evaluateAll(options => options.map(o => o.value));

test(
  'Mats requests newteam- for his new team and sees it pending',
  { timeout: 180_000 },
  async () => {
    const page = await signInAs(session, 'Mats', VIEWPORT);

    // From the fleet page to the onboarding page, as a person gets there.
    await page.goto(`${baseUrl}/skip`);
    const link = onboardingLinkOf(page);
    await waitOrShoot(page, link, 'onboarding-fleet-link');
    await link.click();
    await page.waitForURL(`${baseUrl}/skip/onboarding`);

    const team = page.getByLabel('Team', { exact: true });
    await waitOrShoot(page, team, 'onboarding-request-form');
    assert.ok(
      (await offeredTeams(page)).includes(TEAM),
      'Mats is offered his team newteam',
    );
    await team.selectOption(TEAM);
    await page.getByLabel('Prefix', { exact: true }).fill(PREFIX);
    await page.getByLabel('Reason (optional)').fill('Our first apps on SKIP');

    // The backend checked the prefix: nothing of another team's is in the way.
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    await assertEventually(
      page,
      async () => assert.ok(await submit.isEnabled()),
      'onboarding-submit-enabled',
    );
    await page.screenshot({ path: path.join(shots, 'onboarding-request.png') });
    await submit.click();

    const created = page.getByRole('alert', { name: 'Created request' });
    await waitOrShoot(page, created, 'onboarding-created');
    const createdText = await created.innerText();
    assert.match(createdText, /Requested newteam- for newteam/);
    assert.match(createdText, /pending/);

    // The Requests tab lists it, pending, and offers Mats no review.
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page.waitForURL(`${baseUrl}/skip/onboarding/requests`);
    const row = requestRow(page, PREFIX);
    await waitOrShoot(page, row, 'onboarding-requests-mats');
    assert.match(await row.innerText(), /pending/);
    assert.equal(
      await page.getByRole('button', { name: /^Review/ }).count(),
      0,
      'no Review for a developer',
    );
    await page.screenshot({
      path: path.join(shots, 'onboarding-requests-pending.png'),
    });
  },
);

test(
  'Pia reviews the plan for newteam- and approves it',
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Pia', VIEWPORT);
    await page.goto(`${baseUrl}/skip/onboarding/requests`);

    const review = page.getByRole('button', { name: `Review ${PREFIX}` });
    await waitOrShoot(page, review, 'onboarding-review-button');
    await review.click();
    const dialog = page.getByRole('dialog', {
      name: `Review ${PREFIX} for newteam`,
    });

    // The plan: an AppProject and an ApplicationSet on each Argo CD instance, each with its
    // YAML. A simulated fleet kept from an earlier run already has them: then not "create".
    for (const instance of INSTANCES) {
      for (const kind of KINDS) {
        const object = dialog.getByRole('region', {
          name: new RegExp(`^${kind} \\S+ on ${instance}$`),
        });
        await waitOrShoot(page, object, `onboarding-plan-${kind}-${instance}`);
        assert.match(
          await object.innerText(),
          /create|update|unchanged/,
          `${kind} on ${instance}`,
        );
        // The YAML's code block highlights lazily.
        await assertEventually(
          page,
          async () =>
            assert.match(
              await object.innerText(),
              new RegExp(`kind: ${kind}`),
              `YAML of ${kind} on ${instance}`,
            ),
          `onboarding-plan-yaml-${kind}-${instance}`,
        );
      }
    }
    assert.match(
      await dialog.getByLabel('Access rule').innerText(),
      /newteam/,
      'the access rule names the team',
    );
    await page.screenshot({ path: path.join(shots, 'onboarding-review.png') });

    await dialog.getByLabel('Reason').fill('Welcome to SKIP');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page
      .getByRole('dialog', { name: `Approve ${PREFIX} for newteam?` })
      .getByRole('button', { name: 'Approve', exact: true })
      .click();

    const result = page.getByRole('list', { name: 'Approval result' });
    await waitOrShoot(page, result, 'onboarding-approval-result', 120_000);
    const resultText = await result.innerText();
    for (const instance of INSTANCES) {
      assert.match(
        resultText,
        new RegExp(`${instance}:\\s*applied`),
        `${instance} was applied: ${resultText}`,
      );
    }
    await assertEventually(
      page,
      async () =>
        assert.match(await requestRow(page, PREFIX).innerText(), /approved/),
      'onboarding-request-approved',
    );
    await page.screenshot({
      path: path.join(shots, 'onboarding-approved.png'),
    });

    // The prefix is the team's now, granted through the portal.
    await page.getByRole('tab', { name: 'Prefixes' }).click();
    await page.waitForURL(`${baseUrl}/skip/onboarding/prefixes`);
    const granted = prefixRow(page, PREFIX);
    await waitOrShoot(page, granted, 'onboarding-prefix-granted');
    const grantedText = await granted.innerText();
    assert.match(grantedText, /newteam/);
    assert.match(grantedText, /onboarding/);
    assert.match(grantedText, /active/);
    await page.screenshot({
      path: path.join(shots, 'onboarding-prefixes.png'),
      fullPage: true,
    });
  },
);

test(
  "the team's catalog page shows its prefix and its request",
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Mats', VIEWPORT);
    await page.goto(`${baseUrl}/catalog/default/group/newteam`);
    const prefixes = page.getByRole('list', { name: 'Prefixes of New Team' });
    await waitOrShoot(page, prefixes, 'onboarding-group-card', 60_000);
    assert.match(await prefixes.innerText(), /newteam-\s*active/);
    assert.match(
      await page
        .getByRole('list', { name: 'Requests of New Team' })
        .innerText(),
      /newteam-\s*approved/,
    );
    await prefixes.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(shots, 'onboarding-group-card.png'),
    });
  },
);

test(
  "Guest is offered only seeiendom, and seeiendom-x- is refused as it overlaps seeiendom's prefix",
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await page.goto(`${baseUrl}/skip/onboarding`);

    const team = page.getByLabel('Team', { exact: true });
    await waitOrShoot(page, team, 'onboarding-guest-form');
    const offered = await offeredTeams(page);
    assert.ok(!offered.includes(TEAM), `newteam is not offered: ${offered}`);
    assert.ok(
      offered.includes('group:default/seeiendom'),
      `seeiendom is offered: ${offered}`,
    );
    await team.selectOption('group:default/seeiendom');
    const prefix = page.getByLabel('Prefix', { exact: true });
    await prefix.fill('seeiendom-x-');

    // The problem shows under the field, and Submit is not offered.
    await assertEventually(
      page,
      async () =>
        assert.match(
          (await prefix.getAttribute('aria-invalid')) ?? '',
          /true/,
          'the prefix field is marked invalid',
        ),
      'onboarding-guest-invalid',
    );
    const help = page.locator('#onboarding-prefix-helper-text');
    assert.match(await help.innerText(), /seeiendom-/);
    assert.ok(
      await page
        .getByRole('button', { name: 'Submit', exact: true })
        .isDisabled(),
      'Submit is disabled',
    );
    await page.screenshot({
      path: path.join(shots, 'onboarding-overlap.png'),
    });
  },
);
