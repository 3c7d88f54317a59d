// Layout checks the browser tests share: a page that does not scroll sideways, and short
// labels that stay on one line (measured from the rendered box, not from CSS).
import assert from 'node:assert/strict';

/** Fails unless the page fits its viewport's width. */
export async function assertNoSidewaysScroll(page) {
  const sideways = await page.evaluate(
    () =>
      document.scrollingElement.scrollWidth -
      document.scrollingElement.clientWidth,
  );
  const { width } = page.viewportSize();
  assert.ok(sideways <= 1, `the page scrolls ${sideways} px sideways at ${width} px`);
}

/** Fails for the first label whose text takes more than one line. */
export async function assertOnOneLine(labels) {
  for (const label of labels) {
    const box = await label.boundingBox();
    const lineHeight = await label.evaluate(
      el => parseFloat(getComputedStyle(el).lineHeight) || 20,
    );
    assert.ok(
      box.height < lineHeight * 1.6,
      `"${await label.innerText()}" is on one line`,
    );
  }
}
