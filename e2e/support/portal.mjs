// One portal on the embedded default (simulated demo fleet) and one Chromium per e2e file, and the
// few helpers every browser test needs. node --test runs the files one after another, so each file
// starts its own portal on the same port once the previous one has exited.
import { before, after } from 'node:test';
import { spawn, execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const port = 7107;
export const baseUrl = `http://localhost:${port}`;
export const shots = path.join(root, 'docs', 'screenshots');
const simDir = path.join(root, '.skip-run', 'sim-e2e');

/**
 * Registers before/after hooks that start the portal and a browser for this file. Returns a
 * session whose `page` is the current signed-in page.
 */
export function usePortal() {
  const session = { page: undefined, browser: undefined, portal: undefined };

  before(async () => {
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    session.portal = spawn('node', ['scripts/run-portal.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), SKIP_SIM_DIR: simDir, SKIP_EXTRA_CONFIG: path.join(root, 'e2e', 'app-config.e2e.yaml') },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('portal did not start in 240 s')), 240_000);
      session.portal.on('exit', code => reject(new Error(`portal exited with ${code}`)));
      session.portal.stdout.on('data', chunk => {
        process.stderr.write(chunk);
        if (String(chunk).includes('SKIP Portal is running at')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    session.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, { timeout: 300_000 });

  after(async () => {
    await session.browser?.close();
    const portal = session.portal;
    if (!portal?.pid || portal.exitCode !== null) return;
    const exited = new Promise(resolve => portal.once('exit', resolve));
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    // The next file starts a portal on the same port.
    await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
  });

  return session;
}

/** Signs in on the embedded default's sign-in page as one of the local users, in a fresh context. */
export async function signInAs(session, title, viewport = { width: 1440, height: 900 }) {
  await session.page?.context().close();
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  session.page = page;
  await page.goto(baseUrl);
  const choice = page.getByRole('button', { name: `Sign in as ${title}` });
  await choice.waitFor();
  if (title === 'Guest') await page.screenshot({ path: path.join(shots, 'sign-in.png') });
  await choice.click();
  return page;
}

/** Opens a component's SKIP tab from its catalog page. */
export async function openSkipTab(page, component) {
  await page.goto(`${baseUrl}/catalog/default/component/${component}`);
  await page.getByRole('heading', { name: component }).first().waitFor({ timeout: 60_000 });
  // The entity's own SKIP tab, not the sidebar's SKIP entry.
  const tab = page.locator(`a[href$="/catalog/default/component/${component}/skip"]`).first();
  await waitOrShoot(page, tab, `${component}-page`);
  await tab.click();
}

/** Retries an assertion for up to 30 s (permission answers and polls arrive later). */
export async function assertEventually(page, check, what, timeout = 30_000) {
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
export async function waitOrShoot(page, locator, name, timeout = 60_000) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    await page.screenshot({ path: path.join(root, 'test-results', `${name}.png`), fullPage: true });
    throw error;
  }
}

/** kubectl against the simulated fleet the portal runs on. */
export function kubectl(context, ...args) {
  const kubeconfig = path.join(simDir, 'kubeconfig.yaml');
  return new Promise((resolve, reject) =>
    execFile('kubectl', ['--kubeconfig', kubeconfig, '--context', context, ...args], { timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );
}
