// Browser benchmark: the wasm engine's figures, whole frames at TensorFlow Playground's
// largest setup (1 epoch per frame and as fast as possible), wasm size and first paint.
// Run it after `trunk build --release`: node e2e/bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, open, DIST } from './browser.mjs';
import { serve } from './server.mjs';
import { recode } from './handin.mjs';

const LARGEST = 'dataset=spiral&networkShape=8,8,8,8,8,8&percTrainData=90&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const browser = await launch();
const version = browser.version();

// Engine alone, in wasm: in the worker, the build that trains.
let s = await open(browser);
await s.page.evaluate(() => window.wasmBindings.engine_benchmark(200));
await s.page.waitForFunction(() => window.engineBenchmark, null, { timeout: 120000 });
const engine = JSON.parse(await s.page.evaluate(() => window.engineBenchmark));
await s.close();

// Whole frames while playing, and how busy the page's main thread is (Chromium's own count
// of the time its main thread spent in tasks, over the same wall-clock time).
async function frames(hash, seconds) {
  const session = await open(browser, `${hash}&perf=true`);
  const { page } = session;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await page.click('#play-pause-button');
  await page.waitForTimeout(1000); // warm up
  const [busy0, wall0] = [await taskSeconds(), Date.now()];
  const samples = [];
  for (let i = 0; i < seconds * 2; i++) {
    await page.waitForTimeout(500);
    samples.push(await page.$eval('#perf-readout', (e) => Object.fromEntries(
      ['epochs-per-second', 'frames-per-second', 'train-ms', 'page-ms'].map((k) => [k, Number(e.dataset[k.replace(/-(.)/g, (_, c) => c.toUpperCase())])]))));
  }
  const busy = (await taskSeconds() - busy0) / ((Date.now() - wall0) / 1000);
  await page.click('#play-pause-button');
  const errors = session.errors;
  await session.close();
  const mean = (k) => samples.reduce((a, x) => a + x[k], 0) / samples.length;
  return { epochsPerSecond: mean('epochs-per-second'), fps: mean('frames-per-second'), trainMs: mean('train-ms'), pageMs: mean('page-ms'), busy, errors };
}
const oneDefault = await frames('speed=1', 4);
const oneLargest = await frames(`${LARGEST}&speed=1`, 4);
const maxLargest = await frames(`${LARGEST}&speed=max`, 4);
// Two largest setups compared, both trained in the worker epoch for epoch.
const maxCompare = await frames(`${LARGEST}&speed=max&compare=${encodeURIComponent(LARGEST)}`, 4);

// Pause at the largest setup as fast as it can: how long the counter still moves after a
// click on pause (ten times), and the main thread's long tasks meanwhile.
async function pauses(times) {
  const session = await open(browser, `${LARGEST}&speed=max`);
  const { page } = session;
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const latencies = [];
  for (let i = 0; i < times; i++) {
    await page.click('#play-pause-button');
    await page.waitForTimeout(1000);
    const latency = await page.evaluate(() => new Promise((resolve) => {
      const counter = document.querySelector('#iter-number');
      const clicked = performance.now();
      let last = counter.textContent, lastChange = clicked;
      document.querySelector('#play-pause-button').click();
      const watch = () => {
        if (counter.textContent !== last) { last = counter.textContent; lastChange = performance.now(); }
        if (performance.now() - lastChange > 500) resolve(lastChange - clicked); else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    }));
    latencies.push(latency);
  }
  const longTasks = await page.evaluate(() => window.longTasks);
  await session.close();
  return { latencies, longTasks };
}
const pause = await pauses(10);

// Opening the views no playground has, at the largest setup after 200 epochs: how long until
// each is on screen, and the main thread's tasks over 50 ms meanwhile (and while a sweep runs).
async function openViews() {
  const session = await open(browser, `${LARGEST}&speed=max`);
  const { page } = session;
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) >= 200, null, { timeout: 60000 });
  await page.click('#play-pause-button');
  await page.waitForTimeout(500);
  const views = [
    ['the plane as layer 1 sees it', async () => { await page.click('#space-button-1'); await page.waitForSelector('#space-axes'); }],
    ['the loss landscape', async () => { await page.click('#landscape-button'); await page.waitForFunction(() => JSON.parse(document.querySelector('#landscape')?.dataset.path ?? '[]').length > 1); }],
    ['the sweep, 8 learning rates x 500 epochs', async () => {
      await page.click('#sweep-button');
      await page.fill('#sweep-count', '8');
      await page.fill('#sweep-epochs', '500');
      await page.click('#sweep-run');
      await page.waitForFunction(() => JSON.parse(document.querySelector('#sweep-results')?.dataset.values ?? '[]').length === 8, null, { timeout: 120000 });
    }],
    ['your own feature, x1*x1 + x2*x2', async () => {
      await page.click('#custom-feature-button');
      await page.fill('#custom-feature', 'x1*x1 + x2*x2');
      await page.click('#custom-feature-apply');
      await page.waitForSelector('#feature-custom');
    }],
  ];
  const out = [];
  for (const [name, act] of views) {
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    const t0 = await page.evaluate(() => performance.now());
    await act();
    const ms = (await page.evaluate(() => performance.now())) - t0;
    await page.waitForTimeout(300);
    out.push({ name, ms, longTasks: await page.evaluate(() => window.longTasks) });
  }
  // The curve, built neuron by neuron while the largest network trains on a curve.
  const curve = await open(browser, 'problem=regression&regDataset=curve-sine&networkShape=8,8,8,8,8,8&speed=max');
  await curve.page.waitForSelector('#curve-view');
  await curve.page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await curve.page.click('#play-pause-button');
  await curve.page.waitForTimeout(3000);
  out.push({ name: 'the curve, 3 s of training at speed=max', ms: null, longTasks: await curve.page.evaluate(() => window.longTasks) });
  const errors = [...session.errors, ...curve.errors];
  await curve.close();
  await session.close();
  return { out, errors };
}
const views = await openViews();

// The class loop: a board checking 30 hand-in codes (one student's code under 30 names: each
// is computed again all the same), and the animation of a run of 1,000 epochs.
async function classLoop() {
  const student = await open(browser, 'lang=en&dataset=xor&networkShape=3&learningRate=0.1&goal=test-loss:0.0001&maxNeurons=3&speed=10');
  const { page } = student;
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) >= 1000, null, { timeout: 120000 });
  await page.click('#play-pause-button');
  await page.click('#handin-button');
  await page.fill('#handin-name', 'Student 1');
  await page.click('#handin-make');
  const code = await page.$eval('#handin-code', (e) => e.value);
  await page.click('#handin-close');
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('#export-gif')]);
  const gifMs = Date.now() - t0;
  const gifBytes = fs.statSync(await download.path()).size;
  const gifFrames = await page.$eval('#export-gif', (e) => Number(e.dataset.frames));
  const runEpochs = await page.$eval('#iter-number', (e) => Number(e.textContent.replace(/,/g, '')));
  await student.close();
  const board = await open(browser, 'lang=en&dataset=xor&networkShape=3&learningRate=0.1&goal=test-loss:0.0001&maxNeurons=3&board=true', undefined, {}, '#class-board');
  const codes = Array.from({ length: 30 }, (_, i) => recode(code, `Student ${i + 1}`));
  await board.page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await board.page.fill('#board-input', codes.map((c, i) => `[10:${String(i).padStart(2, '0')}] ${c}`).join('\n'));
  const t1 = Date.now();
  await board.page.click('#board-add');
  await board.page.waitForFunction(() => document.querySelector('#board-table').dataset.rows === '30' && document.querySelector('#board-table').dataset.ms);
  const boardMs = Date.now() - t1;
  const workerMs = Number(await board.page.$eval('#board-table', (t) => t.dataset.ms));
  const longTasks = await board.page.evaluate(() => window.longTasks);
  await board.close();
  return { codeChars: code.length, boardMs, workerMs, longTasks, gifMs, gifBytes, gifFrames, runEpochs };
}
const classFigures = await classLoop();

// Optionally the original, side by side: TFP_DIR names a local copy of TensorFlow
// Playground's published build (its gh-pages branch), served here like dist/.
async function epochsPerSecond(root, hash) {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
  await page.goto(`${base}index.html#${hash}`);
  await page.waitForSelector('#play-pause-button');
  await page.waitForTimeout(1000);
  const read = () => page.$eval('#iter-number', (e) => Number(e.textContent.replace(/,/g, '')));
  await page.click('#play-pause-button');
  await page.waitForTimeout(1000);
  const [e0, t0] = [await read(), Date.now()];
  await page.waitForTimeout(5000);
  const [e1, t1] = [await read(), Date.now()];
  await context.close();
  server.close();
  return (e1 - e0) / ((t1 - t0) / 1000);
}
const original = process.env.TFP_DIR
  ? { default: await epochsPerSecond(process.env.TFP_DIR, 'dataset=circle&networkShape=4,2&x=true&y=true'), largest: await epochsPerSecond(process.env.TFP_DIR, LARGEST) }
  : null;

// First paint of a usable playground.
s = await open(browser);
const firstPaint = await s.page.evaluate(() => performance.now());
await s.close();
await browser.close();

const size = (file) => {
  const bytes = fs.readFileSync(path.join(DIST, file));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
};
const page = size(fs.readdirSync(DIST).find((f) => /^neurona-[0-9a-f]+_bg\.wasm$/.test(f)));
const worker = size('worker_bg.wasm');
// The board's and the worksheet's module, loaded only by a link that asks for one of them.
const teacher = size('teacher_bg.wasm');

const f = (x, d = 2) => x.toFixed(d);
console.log(`Neurona browser benchmark (Chromium ${version}, ${new Date().toISOString().slice(0, 10)})`);
console.log('Engine in wasm (the worker\'s build), microseconds:');
for (const e of engine) {
  console.log(`  ${e.setup.padEnd(8)} epoch ${f(e.epochUs, 1)} | both losses ${f(e.lossesUs, 1)} | 100x100 grid ${f(e.gridUs, 1)} | epoch+losses+grid ${f(e.frameUs, 1)} | ${e.epochsPerSecond} epochs/s training alone | loss landscape 41x41 ${f(e.landscapeUs / 1000, 1)} ms | satellite scene map 128x128 ${f(e.sceneUs / 1000, 1)} ms per repaint${e.sweepMs == null ? '' : ` | sweep of 8 runs x 500 epochs ${f(e.sweepMs, 0)} ms against 4,000 epochs of one run ${f(e.fourThousandMs, 0)} ms (${f(e.sweepMs / e.fourThousandMs * 100, 0)}%)`}${e.digitsEpochUs == null ? '' : ` | handwritten digits 64-32-10, one epoch of 898 images ${f(e.digitsEpochUs / 1000, 1)} ms`}`);
}
const line = (name, r) => console.log(`  ${name.padEnd(34)} ${f(r.epochsPerSecond, 0)} epochs/s, ${f(r.fps, 1)} fps; per frame: worker training ${f(r.trainMs)} ms; page ${f(r.pageMs)} ms; main thread busy ${f(r.busy * 100, 0)}%`);
console.log('Whole frames while playing:');
line('default setup, 1 epoch per frame', oneDefault);
line('largest setup, 1 epoch per frame', oneLargest);
line('largest setup, speed=max', maxLargest);
line('two largest setups compared, speed=max', maxCompare);
console.log(`pause at the largest setup, speed=max, 10 times: the counter stopped within ${f(Math.max(...pause.latencies), 0)} ms (each: ${pause.latencies.map((l) => f(l, 0)).join(', ')}); long tasks over 50 ms meanwhile: ${pause.longTasks.length}${pause.longTasks.length ? ` (longest ${f(Math.max(...pause.longTasks), 0)} ms)` : ''}`);
console.log('Opening the views no playground has (largest setup, after 200 epochs):');
for (const v of views.out) {
  console.log(`  ${v.name.padEnd(42)} ${v.ms == null ? '' : `on screen after ${f(v.ms, 0)} ms; `}tasks over 50 ms: ${v.longTasks.length ? `${v.longTasks.length} (longest ${f(Math.max(...v.longTasks), 0)} ms)` : 'none'}`);
}
const c = classFigures;
console.log(`The class loop: a hand-in code of XOR with 3 hidden neurons is ${c.codeChars} characters; the board checked 30 codes in ${f(c.boardMs, 0)} ms from the click to the rows (${f(c.workerMs, 1)} ms computing in the worker), long tasks over 50 ms: ${c.longTasks.length}${c.longTasks.length ? ` (longest ${f(Math.max(...c.longTasks), 0)} ms)` : ''}; the animation of a ${c.runEpochs}-epoch run: ${c.gifFrames} frames, ${f(c.gifBytes / 1024, 0)} KB, made in ${f(c.gifMs, 0)} ms`);
console.log(`wasm: page ${page.raw} bytes raw, ${page.gzip} gzip (${f(page.gzip / 1024, 0)} KB); worker ${worker.raw} raw, ${worker.gzip} gzip (${f(worker.gzip / 1024, 0)} KB); board and worksheet ${teacher.raw} raw, ${teacher.gzip} gzip (${f(teacher.gzip / 1024, 0)} KB)`);
console.log(`first paint of a usable playground: ${f(firstPaint, 0)} ms after navigation`);
if (original) {
  console.log(`TensorFlow Playground, same browser: default ${f(original.default, 1)} epochs/s, largest ${f(original.largest, 1)} epochs/s`);
  console.log(`Neurona's speed=max over the original at the largest setup: ${f(maxLargest.epochsPerSecond / original.largest, 0)}x; each of two compared: ${f(maxCompare.epochsPerSecond / original.largest, 0)}x`);
}
const errors = [...views.errors, ...oneDefault.errors, ...oneLargest.errors, ...maxLargest.errors, ...maxCompare.errors];
if (errors.length) { console.error('console errors:', errors); process.exit(1); }
