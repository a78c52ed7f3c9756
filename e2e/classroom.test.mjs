// End-to-end: what a class needs: accessible in both languages, keyboard that behaves,
// a list of shortcuts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, open, closeAll } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const axeSource = fs.readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const playing = (page) => page.getAttribute('#play-pause-button', 'aria-pressed').then((v) => v === 'true');

async function clean(session) {
  assert.deepEqual(session.errors, [], 'no console errors');
  assert.deepEqual(session.foreign, [], 'no request leaves the page');
  await session.close();
}

/** The violations of impact serious or critical that axe-core finds on the page as it is. */
async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'es']) {
  test(`axe-core finds nothing serious in ${lang}: default page, a lesson, three classes, the edit card`, async () => {
    const pages = [
      ['default', `lang=${lang}`, null],
      ['lesson', `lang=${lang}`, async (page) => {
        await page.selectOption('#lesson', 'OrOneNeuron');
        await page.waitForSelector('#lesson-caption');
      }],
      ['three classes', `lang=${lang}&dataset=blobs&classes=3&output=softmax&loss=softmax-ce`, null],
      ['edit card', `lang=${lang}`, async (page) => {
        await page.click('#output-bias-0');
        await page.waitForSelector('#edit-value');
      }],
    ];
    for (const [name, hash, prepare] of pages) {
      const s = await open(browser, hash, { width: 1366, height: 768 }, { bypassCSP: true });
      if (prepare) await prepare(s.page);
      assert.deepEqual(await seriousViolations(s.page), [], `${name} (${lang})`);
      await clean(s);
    }
  });
}

test('after a click on a control Space plays and pauses; a control reached with Tab keeps Space', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  // A dataset tile clicked with the mouse: Space does not press it again, it plays.
  await page.click('#dataset-button-xor');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'true');
  assert.match(await page.evaluate(() => location.hash), /dataset=xor/, 'the tile stayed chosen');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  // A select chosen with the mouse: Space plays rather than opening it again.
  await page.selectOption('#lesson', 'XorHiddenLayer');
  await page.click('#lesson');
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'true');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  // Reached with Tab, a button keeps Space: it presses that button.
  await page.focus('#copy-link');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link');
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  assert.equal(await playing(page), false, 'Space pressed the focused button, not play');
  await clean(s);
});

test('? lists every shortcut, in the page language, and Escape closes the list', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  await page.keyboard.press('?');
  await page.waitForSelector('#help-overlay');
  const listed = await page.$$eval('#help-overlay dt', (d) => d.map((e) => e.textContent));
  assert.deepEqual(listed, ['Espacio', '→', 'R', 'B', '← →', 'Enter', '?', 'Esc']);
  assert.match(await page.$eval('#help-overlay', (e) => e.textContent), /Reproducir o pausar/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#help-overlay'));
  await page.click('#help-button');
  await page.waitForSelector('#help-overlay');
  await page.click('#help-close');
  await page.waitForFunction(() => !document.querySelector('#help-overlay'));
  await clean(s);
});

test('after the first visit the playground opens and trains with the network off', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  // The service worker has taken the page and cached the build.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null
    || (await new Promise((r) => setTimeout(r, 100)), false), null, { timeout: 15000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const files = await (await caches.open(names.find((n) => n.startsWith('neurona-')))).keys();
    return files.map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((f) => f.endsWith('.wasm')) && cached.some((f) => f.endsWith('worker.js')), `${cached}`);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#loss-test')?.textContent.includes('.'), null, { timeout: 15000 });
  await page.click('#next-step-button');
  await page.click('#next-step-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,002');
  await page.context().setOffline(false);
  await clean(s);
});
