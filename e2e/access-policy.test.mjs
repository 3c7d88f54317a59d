// "Who may call this app and whom it calls", walked as a developer of seeiendom at 1280 px:
// the app's row opens its details, whose access-policy panel resolves each rule of the demo
// fleet's seeiendom-api in dev (a frontend both sides agree on, an admin app that does not
// exist, a call matrikkel-api does not let in, an app calling it without being let in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  usePortal,
  signInAs,
  openSkipTab,
  waitOrShoot,
  shots,
} from './support/portal.mjs';
import { assertNoSidewaysScroll, assertOnOneLine } from './support/layout.mjs';

const session = usePortal();
const VIEWPORT = { width: 1280, height: 900 };

test(
  "seeiendom-api's access policy in dev names its callers and callees, with the broken rules explained",
  { timeout: 240_000 },
  async () => {
    const page = await signInAs(session, 'Guest', VIEWPORT);
    await openSkipTab(page, 'seeiendom-api');

    const toggle = page.getByRole('button', {
      name: 'Details of seeiendom-api on atkv3-dev',
    });
    await waitOrShoot(page, toggle, 'access-policy-toggle');
    await toggle.click();
    const details = page.getByRole('region', {
      name: 'Details of seeiendom-api on atkv3-dev',
    });
    const panel = details.getByRole('region', { name: 'Access policy' });
    const callers = panel.getByRole('region', { name: 'May call this app' });
    const calls = panel.getByRole('region', { name: 'This app calls' });
    await waitOrShoot(
      page,
      callers.getByText('Both sides allow'),
      'access-policy-panel',
    );

    const frontend = callers
      .getByRole('listitem')
      .filter({ hasText: 'seeiendom-frontend' });
    assert.match(await frontend.innerText(), /Both sides allow/);
    assert.equal(
      await frontend
        .getByRole('link', { name: 'seeiendom-frontend' })
        .getAttribute('href'),
      '/catalog/default/component/seeiendom-frontend/skip',
    );
    const admin = callers
      .getByRole('listitem')
      .filter({ hasText: 'seeiendom-admin' });
    assert.match(await admin.innerText(), /No such app[\s\S]*lets no app in/);
    const blocked = callers
      .getByRole('listitem')
      .filter({ hasText: 'geonorge-kartkatalog' });
    assert.match(
      await blocked.innerText(),
      /Not let in[\s\S]*its calls are denied/,
    );

    const matrikkel = calls
      .getByRole('listitem')
      .filter({ hasText: 'matrikkel-api' });
    assert.match(
      await matrikkel.innerText(),
      /Other side missing[\s\S]*does not allow calls from this app/,
    );
    assert.match(
      await calls
        .getByRole('listitem')
        .filter({ hasText: 'ws.geonorge.no' })
        .innerText(),
      /HTTPS 443/,
    );

    // Labels never wrap: each verdict stays on one line.
    await assertOnOneLine(
      await panel
        .getByText(
          /^(Both sides allow|Other side missing|No such app|Not let in|External host)$/,
        )
        .all(),
    );
    await assertNoSidewaysScroll(page);

    await panel.scrollIntoViewIfNeeded();
    await details.screenshot({ path: path.join(shots, 'access-policy.png') });
  },
);
