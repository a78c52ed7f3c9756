// End-to-end: the club's own data. Pixels of a satellite scene in red and near-infrared; the
// scene as the network maps it, repainted as it trains; a pixel read out. In Spanish, at a
// school laptop's 1280 x 720 and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, open, closeAll, eventually, clean, seriousViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const epoch = (page) => page.$eval('#iter-number', (e) => Number(e.textContent.replace(/,/g, '')));
const scene = (page) => page.$eval('#scene-view', (e) => ({ accuracy: Number(e.dataset.accuracy), shares: JSON.parse(e.dataset.shares || '{}') }));

/** Trains until `epochs` have passed, then pauses. */
async function train(page, epochs, play = '#play-pause-button') {
  const from = await epoch(page);
  await page.click(play);
  await eventually(() => epoch(page), (e) => e >= from + epochs, 60000);
  await page.click(play);
}

test('red alone cannot map the vegetation, the invisible band can: the scene\'s map turns right as one neuron trains, in Spanish at 1280 x 720', async () => {
  const base = 'lang=es&dataset=satellite&networkShape=&learningRate=0.03&speed=10&scene=true&inspect=1,0';
  const s = await open(browser, `${base}&x=true&y=false`, { width: 1280, height: 720 }, { bypassCSP: true, acceptDownloads: true });
  const { page } = s;
  await page.waitForSelector('#scene-view[data-accuracy]');
  assert.match(await page.$eval('#scene-view h3', (e) => e.textContent), /La escena como la mapea la red/);
  assert.deepEqual(Object.keys((await scene(page)).shares).sort(), ['rest', 'vegetation']);
  // The axes are in reflectance, named in Spanish.
  assert.equal(await page.$eval('#axis-x1', (e) => e.textContent), 'rojo');
  assert.match(await page.$eval('#data-scaling', (e) => e.textContent), /rojo de 0 … 0.75 y infrarrojo cercano de 0 … 0.75/);
  // The neuron inspector names its input by its band: z = w₁·x (X₁ = rojo) + b.
  assert.deepEqual(await page.$$eval('#inspector .input-name', (e) => e.map((n) => n.textContent.trim())), ['(X₁ = rojo)', '(Sesgo)']);
  await train(page, 200);
  const red = await eventually(() => scene(page), (m) => m.accuracy > 0, 5000);
  assert.ok(red.accuracy < 0.85, `red alone maps ${red.accuracy} of the scene right`);
  // The near-infrared band added: a new run, one line, a map that agrees with the scene.
  await page.click('#feature-y');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent.replace(/\D/g, '') === '000000');
  const before = await eventually(() => scene(page), (m) => m.accuracy > 0, 5000);
  await train(page, 200);
  const both = await eventually(() => scene(page), (m) => m.accuracy > 0.95, 10000);
  assert.deepEqual(await page.$$eval('#inspector .input-name', (e) => e.map((n) => n.textContent.trim())), ['(X₁ = rojo)', '(X₂ = infrarrojo cercano)', '(Sesgo)']);
  assert.ok(both.accuracy > 0.95 && both.accuracy > before.accuracy - 1e-9, `red and near-infrared: ${before.accuracy} then ${both.accuracy}`);
  assert.ok(Math.abs(both.shares.vegetation + both.shares.rest - 1) < 1e-9);
  // A pixel clicked: its two bands, its NDVI, its point on the plane, the network's class.
  const map = page.locator('#scene-view canvas').nth(2);
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const words = await page.$eval('.scene-pixel', (e) => e.textContent);
  assert.match(words, /^Píxel \(6[34], 6[34]\): rojo 0\.\d{3}, infrarrojo 0\.\d{3}, NDVI -?\d\.\d\d; en el plano X₁ = -?\d+\.\d\d, X₂ = -?\d+\.\d\d; la red dice (vegetación|el resto)\.$/);
  // The animation shows the map forming beside the plane: each frame twice as wide.
  const [gif] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-gif')]);
  const bytes = fs.readFileSync(await gif.path());
  assert.equal(bytes.subarray(0, 6).toString(), 'GIF89a');
  assert.deepEqual([bytes.readUInt16LE(6), bytes.readUInt16LE(8)], [600, 328], 'the plane and the map, side by side');
  // The picture and Play stay in view above it; the scene itself passes axe-core.
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

test('four surfaces with a hidden layer on a phone: the map forms as it trains, each class with its share, and the link keeps the scene', async () => {
  const hash = 'lang=es&dataset=satellite&classes=4&networkShape=6&activation=tanh&learningRate=0.1&speed=10&scene=true&x=true&y=true';
  const s = await open(browser, hash, { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  const { page } = s;
  await page.waitForSelector('#scene-view[data-accuracy]');
  const first = await scene(page);
  assert.deepEqual(Object.keys(first.shares).sort(), ['cloud', 'soil', 'vegetation', 'water']);
  await train(page, 150, '#mobile-play');
  const trained = await eventually(() => scene(page), (m) => m.accuracy > 0.85, 10000);
  assert.ok(trained.accuracy > first.accuracy, `${first.accuracy} then ${trained.accuracy}`);
  assert.ok(trained.shares.water > 0.1 && trained.shares.vegetation > 0.2, JSON.stringify(trained.shares));
  // The three pictures fit the phone's width side by side.
  const widths = await page.$$eval('#scene-view canvas', (cs) => cs.map((c) => c.getBoundingClientRect().right));
  assert.ok(widths.every((r) => r <= 390), `within the screen: ${widths}`);
  assert.match(await page.evaluate(() => location.hash), /scene=true/);
  // The scene closes from its button, and the link says so.
  await page.click('#scene-button');
  await page.waitForFunction(() => !document.querySelector('#scene-view'));
  assert.doesNotMatch(await page.evaluate(() => location.hash), /scene=/);
  await clean(s);
});

test('the lesson "Lo invisible": red alone leaves the map wrong, the near-infrared band turns it right, the scene beside the picture at 1280 x 720', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 720 });
  const { page } = s;
  await page.click('#lesson-bar [data-lesson="Infrared"]');
  await page.waitForSelector('#scene-view');
  assert.match(await page.$eval('#lesson-banner', (e) => e.textContent), /Lo invisible: el infrarrojo/);
  // Predict: the near-infrared will let one line through the origin separate the vegetation.
  await page.click('#checkpoint .checkpoint-choice:nth-child(2)');
  await page.click('#play-pause-button');
  await page.waitForSelector('#checkpoint-feedback');
  const feedback = await page.$eval('#checkpoint-feedback', (e) => e.textContent);
  assert.match(feedback, /NDVI/);
  // While it trains, the map stands beside the picture, fully on screen.
  const inView = await page.$eval('#scene-view .scene-pictures', (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; });
  assert.ok(inView, 'the three pictures are on screen');
  await eventually(() => epoch(page), (e) => e >= 60, 30000);
  await page.click('#play-pause-button');
  const red = await eventually(() => scene(page), (m) => m.accuracy > 0, 5000);
  assert.ok(red.accuracy < 0.85, `with red alone the map agrees on ${red.accuracy} only`);
  // X₂ switched on, as the caption says: a new run that maps the scene right.
  await page.click('#feature-y');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await page.click('#play-pause-button');
  await eventually(() => epoch(page), (e) => e >= 60, 30000);
  await page.click('#play-pause-button');
  const both = await eventually(() => scene(page), (m) => m.accuracy > 0.95, 10000);
  assert.ok(both.accuracy > 0.95, `with the near-infrared: ${both.accuracy}`);
  assert.match(await page.$eval('#lesson-banner', (e) => e.textContent), /Lo invisible/, 'still the lesson, with X₂ on');
  await clean(s);
});

test('the exercise "✎ Mapa de vegetación": two neurons on red alone fall short, the near-infrared meets the map\'s goal, and the board computes the map again from the code', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 720 });
  const { page } = s;
  await page.click('#lesson-14');
  await page.waitForSelector('#scene-view');
  assert.match(await page.$eval('#goal-status', (e) => e.textContent), /el mapa de la escena correcto en al menos 95% de sus píxeles/);
  assert.match(await page.$eval('#exercise-limits', (e) => e.textContent), /2/);
  const exercise = (await page.evaluate(() => location.hash)).slice(1);
  assert.match(exercise, /goal=map-accuracy(:|%3A)95/);
  // Red alone: however long it trains, the map stays short of 95% and the goal is not met.
  await train(page, 150);
  const red = await eventually(() => scene(page), (m) => m.accuracy > 0, 5000);
  assert.ok(red.accuracy < 0.9, `red alone maps ${red.accuracy}`);
  assert.equal(await page.$eval('#goal-status', (e) => e.dataset.met), 'false');
  // The invisible band: the goal is met on the map, which stands on screen beside the picture.
  await page.click('#feature-y');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'true', null, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  const met = await scene(page);
  assert.ok(met.accuracy >= 0.95, `met with the map at ${met.accuracy}`);
  const inView = await page.$eval('#scene-view .scene-pictures', (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the map is on screen when the goal is met');
  // Handed in: the claim names the map's accuracy, and the board computes it again.
  await page.click('#handin-button');
  await page.fill('#handin-name', 'Citlali');
  await page.click('#handin-make');
  await page.waitForSelector('#handin-code');
  const code = await page.$eval('#handin-code', (e) => e.value);
  // The worker maps the scene from the code's weights, as the board will.
  await page.waitForFunction(() => /Exactitud del mapa/.test(document.querySelector('#handin-claim').textContent));
  const claim = await page.textContent('#handin-claim');
  const claimed = Number(claim.match(/Exactitud del mapa (\d+\.\d)%/)[1]);
  assert.ok(claimed >= 95, claim);
  const b = await open(browser, `${exercise}&board=true`, { width: 1280, height: 720 }, {}, '#class-board');
  await b.page.fill('#board-input', `Citlali: ${code}`);
  await b.page.click('#board-add');
  await b.page.waitForSelector('#board-table[data-ms] tbody tr');
  const row = await b.page.$eval('#board-table tbody tr', (r) => ({ ...r.dataset, text: r.textContent }));
  assert.equal(row.met, 'true', JSON.stringify(row));
  assert.equal(row.valid, 'true');
  assert.equal((Number(row.map) * 100).toFixed(1), claimed.toFixed(1), 'the board maps the scene as the student\'s page did');
  assert.match(row.text, /mapa \d+\.\d%/);
  await clean(b);
  await clean(s);
});

test('the vegetation map exercise on a phone: the map\'s accuracy in the bar, the goal met with the near-infrared, the scene under the losses', async () => {
  const s = await open(browser, 'lang=es', { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  const { page } = s;
  await page.click('#lesson-14');
  await page.waitForSelector('#scene-view');
  await page.waitForSelector('#mobile-map-accuracy');
  assert.equal(await page.textContent('#mobile-transport .mobile-figure:nth-of-type(2) .label'), 'Exactitud del mapa');
  await page.click('#feature-y');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await page.click('#mobile-play');
  await page.waitForFunction(() => document.querySelector('#mobile-goal').dataset.met === 'true', null, { timeout: 60000 });
  const shown = Number((await page.textContent('#mobile-map-accuracy')).replace('%', ''));
  assert.ok(shown >= 95, `the bar shows ${shown}%`);
  const pictures = await page.$eval('#scene-view .scene-pictures', (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top + scrollY }; });
  assert.ok(pictures.left >= 0 && pictures.right <= 390, JSON.stringify(pictures));
  const chart = await page.$eval('#loss-chart', (e) => e.getBoundingClientRect().bottom + scrollY);
  assert.ok(pictures.top > chart, `the scene under the losses' chart: ${pictures.top} > ${chart}`);
  await clean(s);
});

test('every view works on the satellite pixels: W·X+b, the layer\'s space, the landscape, rewind with its map, Compare, backprop and a sweep, in Spanish', async () => {
  const hash = 'lang=es&dataset=satellite&networkShape=2&activation=tanh&learningRate=0.1&x=true&y=true&scene=true&space=1&landscape=true&matrix=1';
  const s = await open(browser, hash, { width: 1280, height: 720 });
  const { page } = s;
  await page.waitForSelector('#scene-view[data-accuracy]');
  const atStart = (await scene(page)).accuracy;
  for (let i = 0; i < 30; i++) await page.click('#next-step-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,030');
  const trained = await eventually(() => scene(page), (m) => m.accuracy !== atStart, 10000);
  // Z = W·X + b on the pixels' inputs, cell by cell.
  const m = await page.evaluate(() => Object.fromEntries(['w', 'x', 'b', 'z'].map((k) => [k, JSON.parse(document.querySelector(`#matrix-${k}`).dataset.values)])));
  assert.equal(m.w[0].length, 2, 'one column per band');
  for (let r = 0; r < m.w.length; r++) {
    for (let p = 0; p < m.x[0].length; p++) {
      const z = m.w[r].reduce((acc, w, i) => acc + w * m.x[i][p], m.b[r][0]);
      assert.ok(Math.abs(z - m.z[r][p]) < 1e-5, `Z[${r}][${p}]`);
    }
  }
  // The plane as the hidden layer sees it: every training pixel, inside tanh's square.
  await page.waitForFunction(() => document.querySelector('#space-view')?.dataset.points);
  const inLayer = await page.$eval('#space-view', (e) => JSON.parse(e.dataset.points));
  assert.ok(inLayer.length > 100 && inLayer.every(([u, v]) => Math.abs(u) <= 1 && Math.abs(v) <= 1), `${inLayer.length} pixels`);
  // The landscape's path ends at the training loss.
  await page.waitForFunction(() => JSON.parse(document.querySelector('#landscape')?.dataset.path ?? '[]').length >= 10);
  const path = await page.$eval('#landscape', (e) => JSON.parse(e.dataset.path));
  assert.equal(path.at(-1)[2].toFixed(3), await page.$eval('#loss-train', (e) => e.textContent.trim()));
  // Rewind: at epoch 0 the map is the untrained network's again; at 30, the trained one's.
  await page.$eval('#timeline', (e) => { e.value = '0'; e.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await eventually(() => scene(page), (x) => x.accuracy === atStart, 10000);
  await page.$eval('#timeline', (e) => { e.value = '30'; e.dispatchEvent(new Event('input', { bubbles: true })); });
  await eventually(() => scene(page), (x) => x.accuracy === trained.accuracy, 10000);
  // Compare: a second setup on the same pixels starts both runs again, epoch for epoch.
  await page.click('#compare-button');
  await page.waitForSelector('#compare');
  assert.equal(await page.$eval('#compare-dataset', (e) => e.value), 'satellite');
  for (let i = 0; i < 5; i++) await page.click('#next-step-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,005');
  await page.waitForFunction(() => document.querySelector('#compare-epoch').textContent.trim() === '000,005');
  assert.match(await page.$eval('#compare-loss', (e) => e.textContent), /^\d\.\d{3}$/);
  await clean(s);

  // Backprop on one pixel: w ← w − η·∂L/∂w for every weight of 2 → 2 → 1.
  const b = await open(browser, 'lang=es&dataset=satellite&networkShape=2&activation=tanh&learningRate=0.1&x=true&y=true&backprop=true', { width: 1280, height: 720 });
  await b.page.waitForSelector('#backprop');
  for (let i = 0; i < 5; i++) await b.page.click('#backprop-next');
  const lr = await b.page.$eval('#backprop-update', (e) => Number(e.dataset.lr));
  const weights = await b.page.$$eval('.backprop-weight', (all) => all.map((e) => ({ old: Number(e.dataset.old), grad: Number(e.dataset.grad), new: Number(e.dataset.new) })));
  assert.equal(weights.length, 2 * 2 + 2 + 2 + 1);
  for (const w of weights) assert.ok(Math.abs(w.new - (w.old - lr * w.grad)) < 1e-6, JSON.stringify(w));
  const sample = await b.page.$eval('#backprop-sample', (e) => JSON.parse(e.dataset.inputs));
  assert.equal(sample.length, 2, 'a pixel: red and near-infrared');
  // A sweep of the learning rate on the pixels trains in the worker.
  await b.page.click('#backprop-close').catch(() => {});
  await b.page.click('#sweep-button');
  await b.page.waitForSelector('#sweep');
  await b.page.fill('#sweep-from', '0.01');
  await b.page.fill('#sweep-to', '1');
  await b.page.fill('#sweep-count', '3');
  await b.page.fill('#sweep-epochs', '20');
  await b.page.click('#sweep-run');
  await b.page.waitForFunction(() => JSON.parse(document.querySelector('#sweep-results')?.dataset.values ?? '[]').length === 3, null, { timeout: 30000 });
  const rows = JSON.parse(await b.page.$eval('#sweep-results', (e) => e.dataset.values));
  for (const r of rows) assert.ok(r.train > 0 && r.test > 0, JSON.stringify(r));
  await clean(b);
});

test('the handwritten digits are fetched by the worker on first use, not with the page', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 720 });
  const { page } = s;
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('/digits.bin')) fetched.push(r.url()); });
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], 'the page opens without the digits');
  await page.evaluate(() => window.wasmBindings.check_digits_in_worker());
  const said = await eventually(() => page.evaluate(() => window.digitsChecked), (v) => v !== undefined, 20000);
  // Every weight 0: every image is called a 0, right on the test set's share of zeros.
  const accuracy = Number(said);
  assert.ok(accuracy > 0.05 && accuracy < 0.15, `computed on the digits: ${said}`);
  assert.equal(fetched.length, 1, 'fetched once, when asked for');
  await clean(s);
});
