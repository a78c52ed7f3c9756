// End-to-end: the picture a class watches stays on screen: the output, Play and the network
// together on school laptops, tablets and projectors, with a lesson or an exercise open; the
// views that explain open where they are clicked; two setups side by side; touch at any width;
// and a page that never dies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, smallTargets, clean, seriousViolations, meetingControls, crowdedTargets, fillStorage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });



/** Where an element is on screen, and whether all of it is inside the viewport. */
const place = (page, sel) => page.$eval(sel, (e) => {
  const r = e.getBoundingClientRect();
  return { x: r.x, y: r.y, w: r.width, h: r.height, bottom: r.bottom, right: r.right,
    whole: r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth };
});


for (const [width, height] of [[1280, 720], [1366, 768], [820, 1180]]) {
  test(`at ${width} x ${height} the whole picture, Play and the network are on screen together, with a lesson or an exercise open`, async () => {
    const touch = width < 1000 ? { hasTouch: true, isMobile: true } : {};
    const s = await open(browser, 'lang=es', { width, height }, touch);
    const { page } = s;
    for (const open of [null, '#lesson-4', '#lesson-9']) {
      if (open) await page.click(open);
      if (open) await page.waitForSelector('#lesson-banner');
      await page.evaluate(() => window.scrollTo(0, 0));
      const heatmap = await place(page, '#heatmap');
      assert.ok(heatmap.whole, `${open}: the whole picture is on screen: ${JSON.stringify(heatmap)}`);
      if (width === 1366) assert.ok(heatmap.w >= 300, `a picture of ${heatmap.w} px`);
      assert.ok((await place(page, '#play-pause-button')).whole, `${open}: Play is on screen`);
      const network = await place(page, '#network');
      assert.ok(network.y >= 0 && network.y + 80 <= height, `${open}: the network is on screen from y ${network.y}`);
      if (open === '#lesson-9') assert.ok((await place(page, '#goal-status')).whole, 'the goal is on screen');
    }
    if (width < 1000) assert.deepEqual(await smallTargets(page), [], 'every control is 40 pixels to the touch');
    await clean(s);
  });
}

test('with 1 to 6 hidden layers of 1 to 8 neurons no two controls meet at any size, and to the touch each owns 40 x 40 pixels', async () => {
  const sizes = [['390x844', 390, 844, true], ['820x1180', 820, 1180, true], ['1280x720', 1280, 720], ['1366x768', 1366, 768], ['1920x1080', 1920, 1080], ['projector', 1920, 1080]];
  for (const [name, width, height, touch] of sizes) {
    for (const shape of ['1', '2,2', '8,8,8,8,8,8', '1,1,1,1,1,1']) {
      const s = await open(browser, `lang=es&networkShape=${shape}${name === 'projector' ? '&projector=true' : ''}`, { width, height }, touch ? { hasTouch: true, isMobile: true } : {});
      const { page } = s;
      assert.deepEqual(await meetingControls(page), [], `${name}, layers ${shape}: controls that meet`);
      if (touch) {
        // The diagram's rows in view one after the other, as a student scrolls to them.
        for (const block of ['start', 'end']) {
          await page.evaluate((b) => document.querySelector('.network-scroll').scrollIntoView({ block: b }), block);
          assert.deepEqual(await crowdedTargets(page, '.network-column'), [], `${name}, layers ${shape}: crowded controls`);
        }
        // The diagram scrolls sideways when its layers need more room than the screen has.
        const wide = await page.$eval('.network-scroll', (e) => e.scrollWidth > e.clientWidth);
        if (shape.split(',').length >= 4) assert.ok(wide || width > 1000, `${name}, layers ${shape}: the diagram scrolls sideways`);
      }
      await clean(s);
    }
  }
});

test('on a phone the picture comes first with its losses and chart, the goal right under them, and the transport bar shows what the goal asks for', async () => {
  const s = await open(browser, 'lang=es', { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
  const { page } = s;
  await page.tap('#lesson-9');
  await page.waitForSelector('#goal-status');
  const goal = await place(page, '#exercise');
  const heatmap = await place(page, '#heatmap');
  const chart = await place(page, '#loss-chart');
  assert.ok(heatmap.whole && chart.bottom <= 844, `the picture and the chart are on screen: ${JSON.stringify([heatmap, chart])}`);
  const tools = await place(page, '#sweep-button');
  assert.ok(goal.y > chart.bottom && goal.bottom <= tools.y, `the goal follows the picture's readouts, before the output's other tools: ${chart.bottom}, ${goal.y}, ${tools.y}`);
  assert.match(await page.textContent('#mobile-transport'), /Exactitud/);
  assert.match(await page.textContent('#mobile-accuracy'), /^\d+\.\d%$/);
  assert.equal(await page.getAttribute('#mobile-goal', 'data-met'), 'false');
  assert.ok((await place(page, '#mobile-goal')).whole, 'the goal is in the bar');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll');
  await clean(s);
});

test('a projector shows the enlarged picture and the network, neurons larger too, together', async () => {
  const s = await open(browser, 'lang=en&projector=true', { width: 1920, height: 1080 });
  const { page } = s;
  const heatmap = await place(page, '#heatmap');
  assert.ok(heatmap.w >= 580 && heatmap.whole, `the picture: ${JSON.stringify(heatmap)}`);
  const neuron = await place(page, '#neuron-1-0');
  assert.ok(neuron.whole && neuron.w >= 42, `a neuron of ${neuron.w} px on screen`);
  const column = await place(page, '.network-column');
  assert.ok((await place(page, '#network')).right <= column.right + 1, 'the network fits its column');
  await clean(s);
});

test('the views that explain open next to what they explain and in view; the inspector never covers the picture', async () => {
  for (const [width, height, touch] of [[1366, 768, false], [390, 844, true]]) {
    const s = await open(browser, 'lang=es', { width, height }, touch ? { hasTouch: true, isMobile: true } : {});
    const { page } = s;
    const overlaps = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
    await page.click('#neuron-1-0');
    await page.waitForSelector('#inspector');
    const inspector = await place(page, '#inspector');
    assert.ok(inspector.y < height && inspector.bottom > 0, `${width}: the inspector is in view: ${JSON.stringify(inspector)}`);
    assert.ok(!overlaps(inspector, await place(page, '#heatmap')), `${width}: the inspector leaves the picture free`);
    if (touch) assert.ok(!overlaps(inspector, await place(page, '#mobile-transport')), 'nothing under the transport bar');
    await page.click('#inspector-close');
    await page.click('#matrix-button-1');
    await page.waitForSelector('#matrix-view');
    const matrix = await place(page, '#matrix-view');
    assert.ok(matrix.y < height && matrix.y >= 0, `${width}: W·X + b opens in view at y ${matrix.y}`);
    // A cell of Z, clicked or tapped, writes its sum out.
    await page.click('#matrix-z td');
    assert.match(await page.textContent('#matrix-sum'), /·.* \+ .* = /);
    await page.click('#matrix-close');
    await page.click('#backprop-button');
    await page.waitForSelector('#backprop');
    const backprop = await place(page, '#backprop');
    assert.ok(backprop.y < height && backprop.y >= 0, `${width}: backprop opens in view at y ${backprop.y}`);
    await clean(s);
  }
});

test('backprop step by step starts on the training point with the largest loss, and the student chooses among the hardest', async () => {
  const s = await open(browser, 'lang=en&networkShape=4,2');
  const { page } = s;
  for (let i = 0; i < 30; i++) await page.click('#next-step-button');
  await page.click('#backprop-button');
  await page.waitForSelector('#backprop-point');
  const options = await page.$$eval('#backprop-point option', (o) => o.map((e) => ({ value: e.value, text: e.textContent, selected: e.selected })));
  assert.ok(options.length >= 2, `${options.length} points offered`);
  const losses = options.map((o) => Number(o.text.split('L = ')[1]));
  assert.deepEqual([...losses].sort((a, b) => b - a), losses, 'largest loss first');
  assert.ok(options[0].selected, 'the hardest point is the one walked through');
  assert.ok(Number(await page.getAttribute('#backprop-sample', 'data-loss')) > 0.05, 'a point with something to learn');
  await page.selectOption('#backprop-point', options[1].value);
  await page.waitForFunction((v) => document.querySelector('#backprop-sample').textContent.includes(`point ${Number(v) + 1}:`), options[1].value);
  assert.equal(await page.getAttribute('#backprop-stage', 'data-stage'), 'forward');
  // Removing a layer while it is open changes the steps, and nothing breaks.
  await page.click('#backprop-next');
  await page.click('#backprop-next');
  await page.click('#remove-layers');
  await page.waitForFunction(() => document.querySelector('#num-layers').textContent === '1');
  await page.waitForSelector('#backprop-stage');
  assert.equal(await page.$('#panic'), null);
  await clean(s);
});

test('two setups compared stand side by side at the same size, each with its network, at 1366 x 768 and 1920 x 1080', async () => {
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    const s = await open(browser, 'lang=es', { width, height });
    const { page } = s;
    await page.click('#compare-button');
    await page.waitForSelector('#compare-network');
    await page.evaluate(() => window.scrollTo(0, 0));
    const a = await place(page, '#heatmap');
    const b = await place(page, '.compare-heatmap');
    assert.equal(Math.round(a.w), Math.round(b.w), 'the same size');
    assert.ok(a.whole && b.whole, `${width}: both pictures on screen: ${JSON.stringify([a, b])}`);
    assert.ok(Math.abs(a.y - b.y) < 60 && b.x > a.right, 'side by side');
    const network = await place(page, '#compare-network');
    assert.ok(network.y < height, `B's network starts on screen at ${network.y}`);
    assert.ok((await place(page, '#network')).y < height, "A's network too");
    await clean(s);
  }
});

test('two setups compared on a tablet: both pictures and Play on screen, the pictures first', async () => {
  const s = await open(browser, 'lang=en', { width: 820, height: 1180 }, { hasTouch: true, isMobile: true });
  const { page } = s;
  await page.click('#compare-button');
  await page.waitForSelector('#compare-network');
  await page.click('#play-pause-button');
  await page.evaluate(() => window.scrollTo(0, 0));
  const a = await place(page, '#heatmap');
  const b = await place(page, '.compare-heatmap');
  assert.ok(a.whole && b.whole, `both pictures on screen: ${JSON.stringify([a, b])}`);
  assert.ok((await place(page, '#play-pause-button')).whole, 'Play on screen');
  await clean(s);
});

test('a dialog keeps the keyboard and closes with Escape or a click outside', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  await page.click('#make-exercise');
  await page.waitForSelector('#exercise-builder');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#exercise-builder') !== null), true, 'the dialog has the focus');
  await page.focus('#exercise-text');
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-pressed'), 'false', 'Space does not play behind the dialog');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#exercise-builder'));
  await page.click('#make-exercise');
  await page.waitForSelector('#exercise-builder');
  await page.mouse.click(5, 5);
  await page.waitForFunction(() => !document.querySelector('#exercise-builder'));
  await clean(s);
});

test('a panic is said once, in the page language, with a way to reload', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  await page.evaluate(() => { try { window.wasmBindings.panic_for_tests(); } catch (e) { /* the wasm trapped */ } });
  await page.evaluate(() => { try { window.wasmBindings.panic_for_tests(); } catch (e) { /* again */ } });
  await page.waitForSelector('#panic');
  assert.equal(await page.$$eval('#panic', (p) => p.length), 1, 'one notice');
  assert.match(await page.textContent('#panic'), /Algo salió mal/);
  assert.match(await page.textContent('#panic-reload'), /Recargar/);
  await page.click('#panic-reload');
  await page.waitForSelector('#heatmap canvas');
  assert.equal(await page.$('#panic'), null, 'reloaded');
  await s.close();
});

test('axe-core finds nothing serious on the new views: compare, backprop with its chooser, the inspector, the matrix view, the plane as a layer sees it, the loss landscape over two weights, a sweep with its results, a curve built neuron by neuron, your own feature with a message, a lesson checkpoint answered with a neuron switched off, a phone with an exercise', async () => {
  for (const [hash, viewport, act] of [
    ['lang=es', { width: 1366, height: 768 }, async (page) => { await page.click('#compare-button'); await page.waitForSelector('#compare-network'); }],
    ['lang=es', { width: 1366, height: 768 }, async (page) => { await page.click('#backprop-button'); await page.waitForSelector('#backprop-point'); }],
    ['lang=en', { width: 1366, height: 768 }, async (page) => { await page.click('#neuron-1-0'); await page.waitForSelector('#inspector'); }],
    ['lang=es&matrix=1', { width: 1366, height: 768 }, async (page) => { await page.waitForSelector('#matrix-z td'); }],
    ['lang=es&networkShape=4,2&space=1', { width: 1366, height: 768 }, async (page) => { await page.waitForSelector('#space-axes'); }],
    ['lang=es&networkShape=3&landscape=2-0-1,1-2-b', { width: 1280, height: 720 }, async (page) => { await page.waitForSelector('#landscape-canvas'); }],
    ['lang=es&problem=regression&regDataset=curve-step&networkShape=3', { width: 1366, height: 768 }, async (page) => { await page.waitForSelector('#curve-view'); }],
    ['lang=es', { width: 1280, height: 720 }, async (page) => {
      await page.click('#sweep-button');
      await page.fill('#sweep-count', '3');
      await page.fill('#sweep-epochs', '20');
      await page.click('#sweep-run');
      await page.waitForFunction(() => JSON.parse(document.querySelector('#sweep-results')?.dataset.values ?? '[]').length === 3);
    }],
    ['lang=es&customFeature=abs(x1-x2)', { width: 390, height: 844 }, async (page) => {
      await page.waitForSelector('#feature-custom');
      await page.click('#custom-feature-button');
      await page.fill('#custom-feature', 'x1 >');
      await page.click('#custom-feature-apply');
      await page.waitForFunction(() => document.querySelector('#custom-feature-message').textContent.length > 20);
    }],
    ['lang=es', { width: 1280, height: 720 }, async (page) => {
      await page.click('#lesson-4');
      await page.click('.checkpoint-choice:nth-child(2)');
      await page.click('#play-pause-button');
      await page.waitForSelector('#checkpoint-feedback', { timeout: 120000 });
      await page.click('#play-pause-button');
      await page.click('#neuron-1-0');
      await page.click('#neuron-off');
    }],
    ['lang=es', { width: 390, height: 844 }, async (page) => { await page.click('#lesson-9'); await page.waitForSelector('#mobile-goal'); }],
  ]) {
    const s = await open(browser, hash, viewport, { bypassCSP: true });
    const { page } = s;
    await act(page);
    assert.deepEqual(await seriousViolations(page), [], hash);
    await clean(s);
  }
});

test("OR's line moves one mistake at a time at the lesson's pace, for seconds, before it settles", async () => {
  const s = await open(browser, 'lang=en&seed=4');
  const { page } = s;
  await page.click('#lesson-1');
  await page.waitForSelector('#lesson-banner');
  const weights = () => page.$eval('#tlu-w1', (e) => e.value).then(async (w1) => w1 + '/' + await page.$eval('#tlu-b', (e) => e.value));
  await page.click('#play-pause-button');
  const seen = new Set([await weights()]);
  const t0 = Date.now();
  while (Date.now() - t0 < 60000 && Number((await page.textContent('#iter-number')).replace(/,/g, '')) < 2) {
    seen.add(await weights());
    await page.waitForTimeout(100);
  }
  await page.click('#play-pause-button');
  assert.ok(seen.size >= 4, `the line took ${seen.size} positions on its way`);
  assert.match(await page.textContent('#perceptron-status'), /^0 /, 'and settled with no mistake');
  await clean(s);
});

/** Counts the frames the page draws until `done` resolves. */
async function framesWhile(page, done) {
  await page.evaluate(() => { window.__frames = 0; const tick = () => { window.__frames++; window.__raf = requestAnimationFrame(tick); }; window.__raf = requestAnimationFrame(tick); });
  await done();
  return page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
}

test('large files are read while the page keeps drawing, held to the same limits as every other way in, and a file too large is refused unread', async () => {
  const fsm = await import('node:fs');
  const dir = process.env.TMPDIR || '/tmp';
  const s = await open(browser, 'lang=es');
  const { page } = s;
  await page.click('#dataset-button-custom');
  await page.waitForSelector('#load-csv');
  // A spreadsheet exported whole: 600,000 rows, about 12 MB, with Spanish decimal commas.
  const csv = `${dir}/neurona-large-${process.pid}.csv`;
  const rows = ['horas;nota;aprobó'];
  for (let i = 0; i < 600000; i++) rows.push(`${Math.floor((i % 1200) / 100)},${i % 100};${50 + (i % 50)},${i % 10};${i % 2}`);
  fsm.writeFileSync(csv, rows.join('\n'));
  const frames = await framesWhile(page, async () => {
    await page.setInputFiles('#load-csv', csv);
    await page.waitForSelector('#file-progress');
    await page.waitForFunction(() => document.querySelector('#point-count').textContent.startsWith('10000 '), null, { timeout: 120000 });
  });
  assert.ok(frames >= 5, `the page drew ${frames} frames while the file was read`);
  assert.equal(await page.$('#file-progress'), null, 'the progress line goes when the file is read');
  assert.match(await page.textContent('.notices'), /600000 puntos/, 'the thinning is said');
  // A model file that carries 200,000 points: held to the same 10,000.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-model')]);
  const model = JSON.parse(fsm.readFileSync(await saved.path(), 'utf8'));
  model.config.data.customPoints = Array.from({ length: 200000 }, (_, i) => ({ x: (i % 1000) / 100 - 5, y: (i % 997) / 100 - 5, label: i % 2 ? 1 : -1 }));
  const big = `${dir}/neurona-model-${process.pid}.json`;
  fsm.writeFileSync(big, JSON.stringify(model));
  await page.setInputFiles('#open-model', big);
  await page.waitForFunction(() => document.body.textContent.includes('Modelo cargado') || document.body.textContent.includes('cargado'), null, { timeout: 120000 });
  await page.waitForFunction(() => document.querySelector('#point-count')?.textContent.startsWith('10000 '));
  assert.match(await page.textContent('.notices'), /200000 puntos → 10000 puntos, repartidos por igual/, 'what was cut is said');
  // Over 20 MB: refused at once, its size named, nothing changed.
  const huge = `${dir}/neurona-huge-${process.pid}.csv`;
  fsm.writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 'a'));
  await page.setInputFiles('#load-csv', huge);
  await page.waitForFunction(() => document.querySelector('.notices').textContent.includes('21.0 MB'));
  assert.match(await page.textContent('.notices'), /hasta 20\.0 MB/);
  assert.match(await page.textContent('#point-count'), /^10000 /);
  for (const f of [csv, big, huge]) fsm.unlinkSync(f);
  await clean(s);
});

test('two hundred random actions while training reach no panic and no console error', async () => {
  const { monkey } = await import('./monkey.mjs');
  const problems = await monkey(browser, 200, 7);
  assert.deepEqual(problems, { panic: null, errors: [], foreign: [] });
});

test('a worker that cannot start is noticed, started once more, then the page stops and says so', async () => {
  const { serve } = await import('./server.mjs');
  const { DIST } = await import('./browser.mjs');
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Every attempt to load the worker's files fails.
  await page.route(/worker(_loader)?(\.js|_bg\.wasm)/, (r) => r.abort());
  await page.goto(`${base}#lang=es`);
  await page.waitForSelector('#heatmap canvas');
  await page.click('#play-pause-button');
  // Said when it is started again, and again when that fails too.
  await page.waitForSelector('#worker-restarted', { timeout: 90000 });
  assert.match(await page.textContent('#worker-restarted'), /se inició de nuevo/);
  await page.waitForSelector('#worker-stopped', { timeout: 90000 });
  assert.match(await page.textContent('#worker-stopped'), /Recarga la página/);
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-pressed'), 'false', 'Play no longer says it plays');
  await context.close();
  // A worker whose script does not parse reports its error: noticed the same way.
  const broken = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const other = await broken.newPage();
  await other.route(/worker_loader\.js/, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: 'this is not a script (' }));
  await other.goto(`${base}#lang=en`);
  await other.waitForSelector('#heatmap canvas');
  await other.waitForSelector('#worker-stopped', { timeout: 90000 });
  assert.match(await other.textContent('#worker-stopped'), /[Rr]eload/);
  assert.equal(await other.getAttribute('#play-pause-button', 'aria-pressed'), 'false');
  await broken.close();
  server.close();
});

test('points kept in the browser are read back with their axes, and as earlier versions kept them', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await page.evaluate(() => {
    const points = Array.from({ length: 40 }, (_, i) => ({ x: 2 + (i % 8), y: 50 + 5 * Math.floor(i / 8), label: i % 2 ? 1 : -1 }));
    localStorage.setItem('neurona-points-00000000000000aa',
      JSON.stringify({ points, axes: { x: { name: 'hours', min: 0, max: 12 }, y: { name: 'grade', min: 40, max: 100 } } }));
    // Earlier versions: the points alone, on the plane's own axes.
    localStorage.setItem('neurona-points', JSON.stringify([{ x: 1, y: 1, label: 1 }, { x: -1, y: -2.5, label: -1 }, { x: 3, y: 0, label: 1 }]));
  });
  await page.evaluate(() => { location.hash = '#lang=en&dataset=custom&points=page:00000000000000aa'; });
  await page.waitForFunction(() => document.querySelector('#point-count')?.textContent === '40 points');
  assert.equal(await page.$eval('#axis-x1', (e) => e.textContent), 'hours');
  assert.equal(await page.$eval('#axis-x2', (e) => e.textContent), 'grade');
  await page.evaluate(() => { location.hash = '#lang=en&dataset=custom&points=page'; });
  await page.waitForFunction(() => document.querySelector('#point-count')?.textContent === '3 points');
  assert.equal(await page.$$eval('#axis-x1', (e) => e.length), 0, "the plane's own axes");
  // A set this browser does not hold is said.
  await page.evaluate(() => { location.hash = '#lang=en&dataset=custom&points=page:00000000000000bb'; });
  await page.waitForFunction(() => [...document.querySelectorAll('.notice')].some((n) => n.textContent.includes('this browser does not have them')));
  await clean(s);
});

test('two tabs with points kept in the browser keep each their own after a reload', async () => {
  const fsm = await import('node:fs');
  const dir = process.env.TMPDIR || '/tmp';
  const s = await open(browser, 'lang=en');
  const { page } = s;
  const load = async (p, n) => {
    const file = `${dir}/neurona-tab-${process.pid}-${n}.csv`;
    fsm.writeFileSync(file, ['x1,x2,label', ...Array.from({ length: n }, (_, i) => `${(i % 100) / 10 - 5},${Math.floor(i / 100) / 10 - 5},${i % 2 ? 1 : -1}`)].join('\n'));
    await p.click('#dataset-button-custom');
    await p.setInputFiles('#load-csv', file);
    await p.waitForFunction((k) => document.querySelector('#point-count').textContent === `${k} points`, n);
    await p.waitForFunction(() => location.hash.includes('points=page:'));
    fsm.unlinkSync(file);
  };
  await load(page, 5000);
  // A second tab of the same browser, another set of points.
  const other = await page.context().newPage();
  await other.goto(s.base + '#lang=en');
  await other.waitForSelector('#heatmap canvas');
  await load(other, 6000);
  assert.notEqual(await page.evaluate(() => location.hash.match(/points=page:\w+/)[0]), await other.evaluate(() => location.hash.match(/points=page:\w+/)[0]));
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#point-count')?.textContent === '5000 points');
  await other.reload();
  await other.waitForFunction(() => document.querySelector('#point-count')?.textContent === '6000 points');
  await other.close();
  await clean(s);
});

test('points this browser cannot keep are said at once, the link does not claim them, and a link whose points are elsewhere says so truly', async () => {
  const fsm = await import('node:fs');
  const dir = process.env.TMPDIR || '/tmp';
  const s = await open(browser, 'lang=es');
  const { page } = s;
  // The browser's storage full: what is left is filled with one large value.
  await fillStorage(page);
  const file = `${dir}/neurona-full-${process.pid}.csv`;
  fsm.writeFileSync(file, ['x1,x2,label', ...Array.from({ length: 5000 }, (_, i) => `${(i % 100) / 10 - 5},${Math.floor(i / 100) / 10 - 5},${i % 2 ? 1 : -1}`)].join('\n'));
  await page.click('#dataset-button-custom');
  await page.setInputFiles('#load-csv', file);
  await page.waitForSelector('#points-not-kept');
  fsm.unlinkSync(file);
  assert.match(await page.textContent('#points-not-kept'), /no pudo guardarlos/);
  assert.equal(await page.textContent('#point-count'), '5000 puntos');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /points=page/, 'the link claims no kept set');
  await page.evaluate(() => localStorage.clear());
  await clean(s);
  // A link that names points kept in another browser: the page says what happened.
  const elsewhere = await open(browser, 'lang=es&dataset=custom&points=page:0123456789abcdef', { width: 1280, height: 720 }, {}, '.notice');
  assert.match(await elsewhere.page.textContent('.notices'), /El enlace dice que sus puntos/);
  await clean(elsewhere);
});

test('the training worker runs under a policy as strict as the page\'s: no eval, no request to another site', async () => {
  const { POLICY } = await import('./server.mjs');
  const s = await open(browser, 'lang=en');
  const { page } = s;
  // The worker's own files come with the policy.
  const header = await page.evaluate(async () => (await fetch('./worker_loader.js')).headers.get('content-security-policy'));
  assert.equal(header, POLICY);
  assert.match(POLICY, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(!POLICY.includes("'unsafe-eval'"), POLICY);
  // A worker script served the same way can neither eval nor reach another site.
  await page.context().route('**/probe-worker.js', (r) => r.fulfill({
    status: 200, headers: { 'content-type': 'text/javascript', 'content-security-policy': POLICY },
    body: `let evaluated = true; try { eval('1'); } catch { evaluated = false; }
      fetch('http://127.0.0.2:9/', { mode: 'no-cors' }).then(() => postMessage({ evaluated, fetched: true }), () => postMessage({ evaluated, fetched: false }));`,
  }));
  const probe = await page.evaluate(() => new Promise((resolve) => {
    const w = new Worker('./probe-worker.js');
    w.onmessage = (e) => resolve(e.data);
    w.onerror = (e) => resolve({ error: e.message || 'the probe did not load' });
  }));
  assert.deepEqual(probe, { evaluated: false, fetched: false });
  await clean(s);
});
