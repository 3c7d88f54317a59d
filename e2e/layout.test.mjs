// A page that reads at a glance, measured in Chromium at the widths people use: no table
// scrolls sideways, and no button, chip, column header or status label wraps onto a second
// line. Also the routes around the SKIP pages. Screenshots at 1280 px land in docs/screenshots/.
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
const WIDTHS = [1280, 1440];

/**
 * Runs in the page. Returns the tables whose container scrolls sideways (and whether the
 * page itself does), and the short labels whose text takes more than one line.
 */
function measureLayout() {
  const describe = el =>
    (el.innerText || el.textContent || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
  const scrolling = [];
  for (const table of document.querySelectorAll('table')) {
    let container = table.parentElement;
    while (
      container &&
      !['auto', 'scroll'].includes(getComputedStyle(container).overflowX)
    )
      container = container.parentElement;
    container ??= document.scrollingElement;
    if (container.scrollWidth > container.clientWidth + 1) {
      scrolling.push(
        `${describe(table.querySelector('tr') ?? table)}: ${
          container.scrollWidth
        } > ${container.clientWidth}`,
      );
    }
  }
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth + 1)
    scrolling.push(`the page: ${root.scrollWidth} > ${root.clientWidth}`);

  // Lines a text takes: its rectangles grouped by vertical position (an icon beside the
  // text, or an inline element, does not make a second line).
  const linesOf = el => {
    const rects = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (rect.width > 0 && rect.height > 0) rects.push(rect);
    }
    rects.sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const rect of rects) {
      if (rect.top >= bottom - 2) {
        lines++;
        bottom = rect.bottom;
      } else {
        bottom = Math.max(bottom, rect.bottom);
      }
    }
    return lines;
  };
  const labels = new Set(
    document.querySelectorAll('.MuiButton-root, .MuiChip-root, th'),
  );
  // core-components' status labels: the element that holds a status icon and its words.
  for (const icon of document.querySelectorAll('svg[data-testid^="status-"]'))
    labels.add(icon.parentElement);
  const wrapped = [];
  let measured = 0;
  for (const el of labels) {
    if (!el.getClientRects().length || !el.textContent.trim()) continue;
    measured++;
    const lines = linesOf(el);
    if (lines > 1)
      wrapped.push(
        `${el.tagName.toLowerCase()} "${describe(el)}" takes ${lines} lines`,
      );
  }
  return { scrolling, wrapped, measured };
}

async function assertReadsAtAGlance(page, where) {
  const { scrolling, wrapped, measured } = await page.evaluate(measureLayout);
  assert.ok(
    measured > 5,
    `${where}: found only ${measured} buttons, chips, headers and status labels to measure`,
  );
  assert.deepEqual(scrolling, [], `${where}: tables that scroll sideways`);
  assert.deepEqual(wrapped, [], `${where}: labels that wrap`);
}

async function componentRows(page, component) {
  const row = page
    .locator('tr', { hasText: 'atkv3-' })
    .filter({ hasText: component })
    .first();
  await waitOrShoot(page, row, `${component}-layout`);
  // Permission answers arrive after the rows and change the buttons' titles, not their size.
  await page.getByRole('list', { name: 'Environments' }).waitFor();
  return row;
}

for (const width of WIDTHS) {
  test(
    `at ${width} px the fleet page fits without sideways scrolling or wrapped labels`,
    { timeout: 120_000 },
    async () => {
      // Signed in once per width; the component tab tests below use the same page.
      const page = await signInAs(session, 'Pia', { width, height: 900 });
      await page
        .getByRole('link', { name: 'SKIP', exact: true })
        .first()
        .waitFor();
      await page.goto(`${baseUrl}/skip`);
      await waitOrShoot(
        page,
        page.getByText('atkv3-dev').first(),
        `fleet-layout-${width}`,
      );
      await page.locator('table').first().waitFor();
      if (width === 1280)
        await page.screenshot({
          path: path.join(shots, 'fleet-page-1280.png'),
          fullPage: true,
        });
      await assertReadsAtAGlance(page, `fleet page at ${width} px`);
    },
  );

  for (const component of ['matrikkel-api', 'geonorge-download']) {
    test(
      `at ${width} px ${component}'s SKIP tab fits, with a row open too`,
      { timeout: 120_000 },
      async () => {
        const page = session.page;
        await openSkipTab(page, component);
        const row = await componentRows(page, component);
        if (width === 1280) {
          const name =
            component === 'matrikkel-api'
              ? 'component-tab-1280.png'
              : `component-tab-${component}-1280.png`;
          await page.screenshot({
            path: path.join(shots, name),
            fullPage: true,
          });
        }
        await assertReadsAtAGlance(
          page,
          `${component}'s SKIP tab at ${width} px`,
        );

        // An opened row holds more (what Skiperator made, later the tree): it must fit too.
        const toggle = row.getByRole('button', { name: /^Details of / });
        await toggle.click();
        await waitOrShoot(
          page,
          page.getByRole('region', { name: /^Details of / }).first(),
          `${component}-details-${width}`,
        );
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        if (width === 1280 && component === 'matrikkel-api') {
          await page.screenshot({
            path: path.join(shots, 'component-tab-details-1280.png'),
            fullPage: true,
          });
        }
        await assertReadsAtAGlance(
          page,
          `${component}'s SKIP tab with a row open at ${width} px`,
        );
      },
    );
  }
}

test(
  'the component tab shows every environment in promotion order, then one table in the same order',
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', { width: 1280, height: 900 });
    await openSkipTab(page, 'matrikkel-api');
    await componentRows(page, 'matrikkel-api');
    const strip = page.getByRole('list', { name: 'Environments' });
    assert.deepEqual(
      await strip
        .getByRole('listitem')
        .evaluateAll(items => items.map(i => i.getAttribute('aria-label'))),
      ['sandbox', 'dev', 'test', 'prod'],
    );
    // matrikkel-api fails in dev (an image tag that does not exist) and is healthy in test and prod.
    assert.match(
      await strip.getByRole('listitem', { name: 'dev' }).innerText(),
      /Failing/,
    );
    assert.match(
      await strip.getByRole('listitem', { name: 'prod' }).innerText(),
      /Healthy/,
    );
    assert.equal(await page.locator('table').count(), 1);
    const environments = await page
      .locator('tbody tr', { hasText: 'atkv3-' })
      .evaluateAll(rows =>
        rows.map(row =>
          row.querySelector('td')?.innerText.split('\n')[0].trim(),
        ),
      );
    const order = ['sandbox', 'dev', 'test', 'prod'];
    assert.ok(environments.length >= 3, `rows: ${environments.join(', ')}`);
    assert.deepEqual(
      environments,
      [...environments].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
  },
);

test(
  '/catalog is the catalog, the root opens it, and an unknown SKIP address says so',
  { timeout: 120_000 },
  async () => {
    const page = await signInAs(session, 'Guest', { width: 1280, height: 900 });
    await page.waitForURL(/\/catalog/);

    await page.goto(`${baseUrl}/catalog`);
    // The guest's own components, as the catalog lists them first.
    await waitOrShoot(
      page,
      page.getByRole('link', { name: 'seeiendom-api' }).first(),
      'catalog-index',
    );
    assert.equal(await page.getByText('PAGE NOT FOUND').count(), 0);

    await page.goto(`${baseUrl}/skip/no-such-page`);
    await waitOrShoot(
      page,
      page.getByText('No SKIP page at this address'),
      'skip-not-found',
    );
    assert.equal(
      await page.getByText('atkv3-dev').count(),
      0,
      'the fleet page is not shown for an unknown address',
    );
    await page.screenshot({
      path: path.join(shots, 'skip-not-found.png'),
      fullPage: true,
    });
    // core-components' LinkButton: a link that looks (and is announced) as a button.
    await page.getByRole('button', { name: 'Go to the fleet page' }).click();
    await page.waitForURL(`${baseUrl}/skip`);
    await page.getByText('atkv3-dev').first().waitFor();
  },
);
