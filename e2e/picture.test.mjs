// End-to-end: "Tu imagen", a picture the class paints. A photo opened (or the satellite scene
// to start with) takes strokes of each class; the network learns from the painted pixels'
// colours and maps every pixel of the picture as it trains, with each class's share. In
// Spanish, at a school laptop's 1280 x 720 (mouse) and on a phone (finger).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, open, closeAll, eventually, clean, steps, seriousViolations, stroke } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

/** Whether an element lies wholly inside the window. */
const inView = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
});
const data = (page, key) => page.$eval('#picture-view', (e, k) => JSON.parse(e.dataset[k] || 'null'), key);

/** A PNG made in the page: the left half deep blue (water), the right half green (a field). */
const halves = (page) => page.evaluate(() => {
  const c = document.createElement('canvas');
  c.width = 300; c.height = 200;
  const g = c.getContext('2d');
  g.fillStyle = '#1e3cc8'; g.fillRect(0, 0, 150, 200);
  g.fillStyle = '#28b432'; g.fillRect(150, 0, 150, 200);
  return c.toDataURL('image/png').split(',')[1];
});

/** A stroke on the picture through points in its own units (0 to 1), by mouse or finger. */
const paint = (page, points, touch = null) => stroke(page, '#picture-canvas', points, touch);
const line = (x0, y0, x1, y1) => Array.from({ length: 9 }, (_, i) => [x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8]);

/** The map's class at points (0 to 1) by colour: orange is class 0, blue class 1. */
const mapClasses = (page, points) => page.$eval('#picture-map', (c, pts) => {
  const g = c.getContext('2d');
  return pts.map(([x, y]) => {
    const [r, , b] = g.getImageData(Math.floor(x * c.width), Math.floor(y * c.height), 1, 1).data;
    return r > b ? 0 : 1;
  });
}, points);

test('a photo opened, each class painted, and the network maps the whole picture as it trains, the picture, the losses and the chart in view, in Spanish at 1280 x 720', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 720 }, { bypassCSP: true });
  const { page } = s;
  await page.click('#picture-button');
  await page.waitForSelector('#picture-view');
  assert.equal(await page.getAttribute('#picture-button', 'aria-checked'), 'true');
  assert.match(await page.textContent('#picture-size'), /^128 x 128 píxeles/, 'the satellite scene to start with');
  await page.setInputFiles('#picture-load', { name: 'mitades.png', mimeType: 'image/png', buffer: Buffer.from(await halves(page), 'base64') });
  await page.waitForFunction(() => document.querySelector('#picture-size').textContent.startsWith('256 x 171'));
  // One class painted: the other is named as missing, and nothing trains on it yet.
  await page.click('#picture-brush-0');
  await paint(page, line(0.1, 0.2, 0.2, 0.8));
  assert.match(await page.textContent('#picture-status'), /a «vegetación» le faltan trazos/);
  const [water] = await data(page, 'painted');
  assert.ok(water > 100, `a stroke paints pixels: ${water}`);
  await page.click('#picture-brush-1');
  await paint(page, line(0.8, 0.2, 0.9, 0.8));
  const painted = await data(page, 'painted');
  assert.ok(painted[1] > 100, `both classes painted: ${painted}`);
  assert.match(await page.textContent('#picture-status'), new RegExp(`aprende de ${painted[0] + painted[1]} píxeles pintados .* mapea los 43776 píxeles`));
  // The network reads a pixel's red, green and blue.
  assert.equal(await page.$$eval('.column-input', (n) => n.length), 3);
  await page.click('#play-pause-button');
  const shares = await eventually(() => data(page, 'shares'), (v) => v && Math.abs(v[0] - 0.5) < 0.03, 20000);
  await page.click('#play-pause-button');
  assert.ok(shares && Math.abs(shares[0] - 0.5) < 0.03 && Math.abs(shares[0] + shares[1] - 1) < 1e-9, `each half is its class: ${shares}`);
  assert.deepEqual(await mapClasses(page, [[0.05, 0.1], [0.4, 0.5], [0.45, 0.95], [0.55, 0.05], [0.7, 0.5], [0.98, 0.9]]), [0, 0, 0, 1, 1, 1], 'the map follows the halves, far from the strokes too');
  assert.match(await page.textContent('#picture-shares'), /agua 50 %.*vegetación 50 %/);
  for (const id of ['#picture-canvas', '#picture-map', '#loss-test', '#loss-chart']) assert.ok(await inView(page, id), `${id} in view`);
  // A class renamed is named so everywhere its share is.
  await page.fill('#picture-name-1', 'milpa');
  await page.press('#picture-name-1', 'Enter');
  await page.waitForFunction(() => document.querySelector('#picture-shares').textContent.includes('milpa'));
  // The link does not carry the picture, and the page says so.
  assert.ok((await page.evaluate(() => location.hash.length)) < 1500, 'the link stays short');
  assert.match(await page.textContent('#picture-tools'), /Un enlace no puede llevarla; guarda el modelo/);
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

test('a finger paints the satellite scene on a phone without scrolling the page, and the map comes as it trains', async () => {
  const s = await open(browser, 'lang=es', { width: 390, height: 844 }, { hasTouch: true, isMobile: true, bypassCSP: true });
  const { page } = s;
  const touch = await page.context().newCDPSession(page);
  await page.tap('#picture-button');
  await page.waitForSelector('#picture-view');
  await page.tap('#picture-brush-0');
  await paint(page, line(0.2, 0.3, 0.3, 0.6), touch);
  const scrolled = await page.evaluate(() => scrollY);
  // A finger set down again within the browser's double-tap time is one gesture with the
  // stroke: a person pauses longer between a stroke and the next brush.
  await page.waitForTimeout(500);
  await page.tap('#picture-brush-1');
  assert.equal(await page.getAttribute('#picture-brush-1', 'aria-checked'), 'true');
  await paint(page, line(0.7, 0.2, 0.8, 0.7), touch);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'a stroke does not scroll the page');
  const painted = await data(page, 'painted');
  assert.ok(painted[0] > 20 && painted[1] > 20, `a finger paints: ${painted}`);
  // Trained from the phone's own Play, fixed at the foot of the screen: the picture stays put.
  await page.tap('#mobile-play');
  const shares = await eventually(() => data(page, 'shares'), (v) => v !== null, 10000);
  for (const id of ['#picture-canvas', '#picture-map']) assert.ok(await inView(page, id), `${id} in view on the phone while it trains`);
  await page.tap('#mobile-play');
  assert.equal(shares.length, 2);
  assert.ok(Math.abs(shares[0] + shares[1] - 1) < 1e-9);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing wider than the phone');
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

test('a file that is not a picture changes nothing and says so; the saved model carries the picture and its strokes', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 900 });
  const { page } = s;
  await page.click('#picture-button');
  await page.waitForSelector('#picture-view');
  await page.click('#picture-add-class');
  assert.equal(await page.$$eval('.picture-brushes .brush', (b) => b.length), 4, 'three classes and the eraser');
  for (const [brush, x] of [[0, 0.2], [1, 0.5], [2, 0.8]]) {
    await page.click(`#picture-brush-${brush}`);
    await paint(page, line(x, 0.2, x, 0.8));
  }
  const painted = await data(page, 'painted');
  assert.equal(painted.filter((n) => n > 0).length, 3);
  await page.setInputFiles('#picture-load', { name: 'notas.png', mimeType: 'image/png', buffer: Buffer.from('esto no es una imagen') });
  await page.waitForSelector('#picture-refused');
  assert.match(await page.textContent('#picture-refused'), /No se pudo leer notas\.png como imagen PNG o JPEG/);
  assert.deepEqual(await data(page, 'painted'), painted, 'the strokes are kept');
  await steps(page, 5);
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-model')]);
  const file = await saved.path();
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).config.data.table.picture.names.length, 3);
  // Other data chosen closes the picture; the model opens it again with its strokes.
  await page.click('#dataset-button-blobs');
  await page.waitForSelector('#picture-view', { state: 'detached' });
  await page.setInputFiles('#open-model', file);
  await page.waitForSelector('#picture-view');
  assert.deepEqual(await data(page, 'painted'), painted);
  assert.equal(await page.$$eval('.output-node', (n) => n.length), 3, 'one output per class');
  assert.match(await page.getAttribute('#output-node-2', 'aria-label'), /suelo desnudo/, 'each output named by its class');
  await clean(s);
});
