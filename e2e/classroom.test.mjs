// End-to-end: what a class needs: accessible in both languages, keyboard that behaves,
// a list of shortcuts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, smallTargets, clean, seriousViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const playing = (page) => page.getAttribute('#play-pause-button', 'aria-pressed').then((v) => v === 'true');



for (const lang of ['en', 'es']) {
  test(`axe-core finds nothing serious in ${lang}: default page, a lesson, three classes, the edit card`, async () => {
    const pages = [
      ['default', `lang=${lang}`, null],
      ['lesson', `lang=${lang}`, async (page) => {
        await page.click('#lesson-bar [data-lesson="OrOneNeuron"]');
        await page.waitForSelector('#lesson-banner-caption');
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
  await page.selectOption('#activations', 'relu');
  await page.click('#activations');
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

test('after the first visit the playground opens and trains with the network off, and the board opens too', async () => {
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
  // The board, a module of its own, was kept too: it opens offline.
  assert.ok(cached.some((f) => f.endsWith('/teacher_bg.wasm')), `${cached}`);
  await page.evaluate(() => { location.hash = 'lang=en&dataset=xor&board=true'; });
  await page.waitForSelector('#class-board', { timeout: 15000 });
  await page.context().setOffline(false);
  await clean(s);
});

const box = (page, sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right }; });

test('the lesson bar opens a lesson whose caption and next step stand beside the picture, Play in reach at 1366 x 768', async () => {
  const s = await open(browser, 'lang=es', { width: 1366, height: 768 });
  const { page } = s;
  assert.deepEqual(await page.$$eval('#lesson-bar .lesson-button', (b) => b.map((e) => e.textContent)),
    ['1OR', '2AND a mano', '3XOR, una neurona', '4XOR, capa oculta', '5Entropía cruzada', '6Parada temprana', '7Dropout', '8Tres clases',
      '9Lo invisible', '10Cuatro superficies', '✎XOR, pocas neuronas', '✎Pesos de AND', '✎Tasa de aprendizaje', '✎Mapa de vegetación']);
  // Each keeps its number in ids: the exercises are 9 to 11, the satellite lessons 12 and 13,
  // their exercise 14.
  assert.deepEqual(await page.$$eval('#lesson-bar .lesson-button', (b) => b.map((e) => e.id)),
    ['lesson-1', 'lesson-2', 'lesson-3', 'lesson-4', 'lesson-5', 'lesson-6', 'lesson-7', 'lesson-8', 'lesson-12', 'lesson-13', 'lesson-9', 'lesson-10', 'lesson-11', 'lesson-14']);
  await page.click('#lesson-1');
  await page.waitForSelector('#lesson-banner');
  assert.match(await page.textContent('#lesson-banner-caption'), /regla del perceptrón/);
  assert.match(await page.textContent('#lesson-next'), /2 épocas por segundo/);
  assert.equal(await page.getAttribute('#lesson-1', 'aria-pressed'), 'true');
  // A lesson over in a few epochs starts at a pace a class can follow.
  assert.equal(await page.$eval('#speed', (e) => e.value), 'slow');
  const play = await box(page, '#play-pause-button');
  assert.ok(play.bottom <= 768, `Play is on screen without scrolling: bottom at ${play.bottom}`);
  const banner = await box(page, '#lesson-banner');
  assert.ok(banner.bottom <= 768 && banner.y >= play.bottom, 'the caption is on screen, under the training bar');
  assert.ok(banner.right <= (await box(page, '#heatmap')).x, 'the caption stands beside the picture, not over it');
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,001');
  const t0 = Date.now();
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,003');
  assert.ok(Date.now() - t0 >= 800, `two more epochs took ${Date.now() - t0} ms at 2 a second`);
  await page.click('#play-pause-button');
  // The next lesson is one click on.
  await page.click('#next-lesson');
  await page.waitForFunction(() => document.querySelector('#lesson-2').getAttribute('aria-pressed') === 'true');
  // Explanations in place can be hidden, and the link says so.
  assert.ok(await page.isVisible('.explain-output'));
  await page.click('#toggle-explanations');
  assert.ok(!(await page.isVisible('.explain-output')));
  assert.match(await page.evaluate(() => location.hash), /hideText=true/);
  await clean(s);
});

test('on a phone the transport bar stays in view with the output, nothing scrolls sideways, and every control is 40 pixels to the touch', async () => {
  const s = await open(browser, 'lang=es', { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  const { page } = s;
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll');
  const heatmap = await box(page, '#heatmap');
  assert.ok(heatmap.x >= 0 && heatmap.right <= 390, `the heatmap fits the width: ${JSON.stringify(heatmap)}`);
  await page.$eval('#heatmap', (e) => e.scrollIntoView({ block: 'center' }));
  const inView = async (sel) => { const b = await box(page, sel); return b.y >= 0 && b.bottom <= 844 && b.w > 0; };
  assert.ok(await inView('#heatmap'));
  assert.ok(await inView('#mobile-play'), 'play is on screen with the output');
  await page.tap('#mobile-play');
  await page.waitForFunction(() => Number(document.querySelector('#mobile-epoch').textContent.replace(/,/g, '')) > 3);
  await page.tap('#mobile-play');
  assert.match(await page.textContent('#mobile-loss'), /^\d\.\d{3}$/);
  // Every visible control is 40 x 40, or answers a touch over a larger area than its drawing
  // (a box of its own, ::after, at least 40 x 40 around it).
  const small = await smallTargets(page);
  assert.deepEqual(small, []);
  await clean(s);
});

test('on a tablet the output is in view without scrolling past the network', async () => {
  const s = await open(browser, 'lang=en', { width: 820, height: 1180 });
  const { page } = s;
  const heatmap = await box(page, '#heatmap');
  assert.ok(heatmap.bottom <= 1180, `the heatmap ends at ${heatmap.bottom}`);
  assert.ok(heatmap.y < (await box(page, '#network')).y, 'above the network');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 820);
  await clean(s);
});

test('on a projector the page uses the width: a large output, text of 14 pixels and more, and a projector mode larger still', async () => {
  const s = await open(browser, 'lang=en', { width: 1920, height: 1080 });
  const { page } = s;
  assert.ok((await box(page, '#heatmap')).w >= 450);
  assert.ok((await box(page, '.page')).w >= 1800, 'the page is not held to 1280 pixels');
  const tiny = await page.evaluate(() => {
    const out = new Set();
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 14 && !el.closest('.x-ticks, .y-ticks, .column-heads, .feature-label, .out-mark')) out.add(`${el.className || el.tagName}: ${size}px`);
    }
    return [...out];
  });
  assert.deepEqual(tiny, []);
  const epochSize = await page.$eval('#iter-number', (e) => parseFloat(getComputedStyle(e).fontSize));
  await page.click('#projector-toggle');
  await page.waitForFunction(() => document.querySelector('#heatmap').getBoundingClientRect().width >= 580);
  assert.ok(await page.$eval('#iter-number', (e) => parseFloat(getComputedStyle(e).fontSize)) > epochSize);
  assert.match(await page.evaluate(() => location.hash), /projector=true/);
  await clean(s);
});

test('the loss chart is a numbered frame before training, with a legend', async () => {
  const s = await open(browser, 'lang=es&percValData=20');
  const { page } = s;
  assert.deepEqual(await page.$$eval('#chart-legend .item', (i) => i.map((e) => e.textContent)), ['entrenamiento', 'prueba', 'validación']);
  const inked = await page.$eval('#loss-chart', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
    return n;
  });
  assert.ok(inked > 200, `the frame and its numbers are drawn before training: ${inked} dark pixels`);
  await clean(s);
});
