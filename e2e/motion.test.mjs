// End-to-end: a reader who asks for less motion (prefers-reduced-motion) sees the network's
// links stand still while it trains; others see them flow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, clean } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

/** Where each gap's dashes were last stroked from: a flowing link's dashes move on from frame
 * to frame (the links are drawn on a canvas per gap between columns). */
const links = (page) => page.$$eval('canvas[id^="links-"]:not(#links-canvas)', (cs) => cs.map((c) => c.getContext('2d').lineDashOffset));

/** Whether the links flow while training. */
async function flowing(reducedMotion) {
  const s = await open(browser, 'lang=es', { width: 1280, height: 720 }, { reducedMotion });
  const { page } = s;
  await page.click('#play-pause-button');
  // Past the first frames, while each gap is drawn in turn for the first time since Play.
  const epoch = (n) => page.waitForFunction((n) => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) > n, n);
  await epoch(60);
  const first = await links(page);
  await epoch(120);
  const second = await links(page);
  await page.click('#play-pause-button');
  await clean(s);
  assert.ok(first.length >= 2, 'a canvas per gap');
  return first.some((offset, i) => offset !== second[i]);
}

test('asked for less motion, the links stand still while the network trains; otherwise they flow', async () => {
  assert.equal(await flowing('reduce'), false, 'still with prefers-reduced-motion');
  assert.equal(await flowing('no-preference'), true, 'flowing without it');
});
