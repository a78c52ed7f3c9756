// Browser benchmark: the wasm engine's figures, whole frames at TensorFlow Playground's
// largest setup (1 epoch per frame and as fast as possible), wasm size and first paint.
// Run it after `trunk build --release`: node e2e/bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, open, DIST } from './browser.mjs';

const LARGEST = 'dataset=spiral&networkShape=8,8,8,8,8,8&percTrainData=90&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
const browser = await launch();
const version = browser.version();

// Engine alone, in wasm.
let s = await open(browser);
const engine = JSON.parse(await s.page.evaluate(() => window.wasmBindings.engine_benchmark(200)));
await s.close();

// Whole frames while playing.
async function frames(hash, seconds) {
  const session = await open(browser, `${hash}&perf=true`);
  const { page } = session;
  await page.click('#play-pause-button');
  await page.waitForTimeout(1000); // warm up
  const samples = [];
  for (let i = 0; i < seconds * 2; i++) {
    await page.waitForTimeout(500);
    samples.push(await page.$eval('#perf-readout', (e) => Object.fromEntries(
      ['epochs-per-second', 'frames-per-second', 'train-ms', 'grid-ms', 'draw-ms'].map((k) => [k, Number(e.dataset[k.replace(/-(.)/g, (_, c) => c.toUpperCase())])]))));
  }
  await page.click('#play-pause-button');
  const errors = session.errors;
  await session.close();
  const mean = (k) => samples.reduce((a, x) => a + x[k], 0) / samples.length;
  return { epochsPerSecond: mean('epochs-per-second'), fps: mean('frames-per-second'), trainMs: mean('train-ms'), gridMs: mean('grid-ms'), drawMs: mean('draw-ms'), errors };
}
const oneDefault = await frames('speed=1', 4);
const oneLargest = await frames(`${LARGEST}&speed=1`, 4);
const maxLargest = await frames(`${LARGEST}&speed=max`, 4);

// First paint of a usable playground.
s = await open(browser);
const firstPaint = await s.page.evaluate(() => performance.now());
await s.close();
await browser.close();

const wasmFile = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
const wasm = fs.readFileSync(path.join(DIST, wasmFile));
const gzip = zlib.gzipSync(wasm, { level: 9 }).length;

const f = (x, d = 2) => x.toFixed(d);
console.log(`Neurona browser benchmark (Chromium ${version}, ${new Date().toISOString().slice(0, 10)})`);
console.log('Engine in wasm, microseconds:');
for (const e of engine) {
  console.log(`  ${e.setup.padEnd(8)} epoch ${f(e.epochUs, 1)} | both losses ${f(e.lossesUs, 1)} | 100x100 grid ${f(e.gridUs, 1)} | epoch+losses+grid ${f(e.frameUs, 1)} | ${e.epochsPerSecond} epochs/s training alone`);
}
const line = (name, r) => console.log(`  ${name.padEnd(34)} ${f(r.epochsPerSecond, 0)} epochs/s, ${f(r.fps, 1)} fps, per frame: train ${f(r.trainMs)} ms + grid ${f(r.gridMs)} ms + drawing ${f(r.drawMs)} ms = ${f(r.trainMs + r.gridMs + r.drawMs)} ms`);
console.log('Whole frames while playing:');
line('default setup, 1 epoch per frame', oneDefault);
line('largest setup, 1 epoch per frame', oneLargest);
line('largest setup, speed=max', maxLargest);
console.log(`wasm: ${wasm.length} bytes raw, ${gzip} bytes gzip (${f(gzip / 1024, 0)} KB)`);
console.log(`first paint of a usable playground: ${f(firstPaint, 0)} ms after navigation`);
const errors = [...oneDefault.errors, ...oneLargest.errors, ...maxLargest.errors];
if (errors.length) { console.error('console errors:', errors); process.exit(1); }
