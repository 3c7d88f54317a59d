// What a person sees, in headless Debian Chromium: how long a navigation takes until the view is
// complete (every row there), not just until the document loaded.
import { chromium } from 'playwright-core';
import { stats } from './stats.mjs';

export async function openBrowser(baseUrl) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in as Guest' }).click();
  await page.getByRole('link', { name: 'SKIP', exact: true }).first().waitFor();
  return { browser, page };
}

/** Times `loads` navigations to `url` until `complete` (a page function of `arg`) holds; the first load is not counted. */
export async function timeLoads(page, url, complete, arg, loads) {
  const samples = [];
  for (let i = 0; i <= loads; i++) {
    const t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction(complete, arg, {
      polling: 'raf',
      timeout: 60_000,
    });
    if (i > 0) samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** The component tab is complete when it shows a row of the app from every user cluster. */
export const componentTabComplete = ({ app, clusters }) => {
  const rows = [...document.querySelectorAll('tr')].filter(r =>
    r.innerText.includes(app),
  );
  return clusters.every(c => rows.some(r => r.innerText.includes(c)));
};

/**
 * The fleet page is complete when its cluster table counts every user cluster and shows a full
 * first page of their rows (the table pages at `pageSize`).
 */
export const fleetPageComplete = ({ clusters, pageSize }) => {
  if (!document.body.innerText.includes(`${clusters.length} clusters`))
    return false;
  const rows = [...document.querySelectorAll('tr')].filter(r =>
    clusters.some(c => r.innerText.includes(c)),
  );
  return rows.length >= Math.min(clusters.length, pageSize);
};
