// Soak: plays TensorFlow Playground's largest setup at speed=max for a while (10 minutes by
// default; SOAK_MINUTES to change) and prints, every 30 s, the page's JS heap, its wasm
// memory, the DOM node count and the epochs trained, so that a leak shows as a trend.
// Run it after `trunk build --release --features test-hooks`: node e2e/soak.mjs
import { launch, open } from './browser.mjs';

const minutes = Number(process.env.SOAK_MINUTES || 10);
const LARGEST = 'dataset=spiral&networkShape=8,8,8,8,8,8&percTrainData=90&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&speed=max';
const browser = await launch();
const s = await open(browser, LARGEST);
const { page } = s;
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const sample = async () => {
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const page_ = await page.evaluate(() => ({
    wasm: window.wasmBindings?.wasm_memory_bytes?.() ?? null,
    epoch: Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')),
  }));
  // The worker's wasm memory, read inside the worker (the test hooks are built into it too).
  const worker = page.workers()[0];
  const workerWasm = worker ? await worker.evaluate(() => wasm_bindgen.wasm_memory_bytes()).catch(() => null) : null;
  return { heap: metrics.JSHeapUsedSize, nodes: metrics.Nodes, listeners: metrics.JSEventListeners, workerWasm, ...page_ };
};
await page.click('#play-pause-button');
const mb = (b) => (b / 1048576).toFixed(1);
const w = (b) => (b === null || b === undefined ? '-' : mb(b));
console.log(`Soak: largest setup at speed=max for ${minutes} min (Chromium ${browser.version()})`);
console.log('  time  | JS heap MB | page wasm MB | worker wasm MB | DOM nodes | listeners | epochs');
const rows = [];
for (let t = 0; t <= minutes * 60; t += 30) {
  if (t > 0) await page.waitForTimeout(30_000);
  const r = await sample();
  rows.push(r);
  console.log(`  ${String(t).padStart(4)} s | ${mb(r.heap).padStart(10)} | ${w(r.wasm).padStart(12)} | ${w(r.workerWasm).padStart(14)} | ${String(r.nodes).padStart(9)} | ${String(r.listeners).padStart(9)} | ${r.epoch}`);
}
await page.click('#play-pause-button');
const first = rows[1] ?? rows[0];
const last = rows[rows.length - 1];
console.log(`from 30 s to the end: JS heap ${mb(first.heap)} -> ${mb(last.heap)} MB, page wasm ${w(first.wasm)} -> ${w(last.wasm)} MB, worker wasm ${w(first.workerWasm)} -> ${w(last.workerWasm)} MB, DOM nodes ${first.nodes} -> ${last.nodes}, listeners ${first.listeners} -> ${last.listeners}`);
if (s.errors.length) console.error('console errors:', s.errors);
await s.close();
await browser.close();
