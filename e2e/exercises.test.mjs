// End-to-end: exercises a teacher sets in a link, and data a student can take away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, open, closeAll, eventually, clean } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());
const epoch = async (page) => Number((await text(page, '#iter-number')).replace(/,/g, ''));


test('a goal in the link is shown, met at an epoch, and said once; the question stays text', async () => {
  const s = await open(browser, 'lang=en&dataset=gauss&networkShape=&goal=accuracy:95&goalText=%3Cb%3ESeparate%3C%2Fb%3E%20the%20clouds&speed=10');
  const { page } = s;
  assert.equal(await text(page, '#goal-text'), '<b>Separate</b> the clouds', 'shown as text, never as HTML');
  assert.equal(await page.$('#goal-text b'), null);
  assert.equal(await page.getAttribute('#goal-status', 'data-met'), 'false');
  assert.match(await text(page, '#goal-status'), /Goal: a test accuracy of at least 95% — not met yet/);
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'true', null, { timeout: 20000 });
  const at = Number(await page.getAttribute('#goal-status', 'data-epoch'));
  assert.ok(at >= 1, `met at epoch ${at}`);
  assert.match(await text(page, '#goal-status'), new RegExp(`met at epoch ${at} ✓`));
  assert.match(await text(page, '#goal-done'), new RegExp(`Done! The exercise's goal was met at epoch ${at}`));
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  // Reset: a new run, not met yet.
  await page.click('#reset-button');
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'false');
  await clean(s);
});

test('limits hold: no neuron past the limit, no epoch past the limit', async () => {
  const s = await open(browser, 'lang=es&networkShape=2&maxNeurons=3&maxEpochs=12&speed=max');
  const { page } = s;
  assert.match(await text(page, '#exercise-limits'), /a lo más 3 neuronas ocultas en total · a lo más 12 épocas/);
  const add = 'button[aria-label="Agregar una neurona (Capa oculta 1)"]';
  await page.click(add);
  assert.equal(await page.$$eval('.hidden-node', (n) => n.length), 3);
  assert.ok(await page.$eval(add, (b) => b.disabled), 'the limit is reached');
  assert.ok(await page.$eval('#add-layers', (b) => b.disabled));
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false', null, { timeout: 10000 });
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), 12, 'training stops at the limit');
  await page.click('#next-step-button');
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), 12);
  await clean(s);
});

test('a teacher makes an exercise from the current setup and the link carries it', async () => {
  const s = await open(browser, 'lang=en&dataset=xor');
  const { page } = s;
  await page.click('#make-exercise');
  await page.waitForSelector('#exercise-builder');
  await page.selectOption('#exercise-goal-kind', 'test-loss');
  await page.fill('#exercise-goal-value', '0.2');
  await page.fill('#exercise-max-neurons', '4');
  await page.fill('#exercise-text', 'Which features make XOR easy?');
  await page.check('#exercise-hide-dataset');
  await page.click('#exercise-apply');
  await page.waitForFunction(() => !document.querySelector('#exercise-builder'));
  const link = await page.evaluate(() => decodeURIComponent(location.hash.replace(/\+/g, ' ')));
  for (const part of ['goal=test-loss:0.2', 'maxNeurons=4', 'goalText=Which features make XOR easy?', 'dataset_hide=true']) assert.ok(link.includes(part), `${part} in ${link}`);
  assert.equal(await page.$('#dataset-button-circle'), null, 'the data sets are hidden from students');
  // Opened by a student, the link gives the same exercise.
  const student = await open(browser, await page.evaluate(() => location.hash.slice(1)));
  assert.equal(await text(student.page, '#goal-text'), 'Which features make XOR easy?');
  assert.match(await text(student.page, '#goal-status'), /test loss of at most 0.2/);
  await clean(student);
  await clean(s);
});

test('the lesson exercises: AND by hand is met without training', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await page.click('#lesson-10');
  await page.waitForSelector('#goal-status');
  for (const [id, v] of [['#tlu-w1', '1'], ['#tlu-w2', '1'], ['#tlu-b', '-3']]) {
    await page.fill(id, v);
    await page.press(id, 'Tab');
  }
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'true');
  assert.equal(await page.getAttribute('#goal-status', 'data-epoch'), '0');
  await clean(s);
});

test('the pass-or-fail data set speaks its units, and any data set exports as CSV with its split', async () => {
  const s = await open(browser, 'lang=es&dataset=pass-fail&networkShape=&output=sigmoid&loss=bce&learningRate=0.1');
  const { page } = s;
  assert.equal(await text(page, '#axis-x1'), 'horas de estudio');
  assert.equal(await text(page, '#axis-x2'), 'nota previa');
  const ticks = await page.$$eval('#x-ticks span', (t) => t.map((e) => e.textContent));
  assert.ok(ticks.includes('0') && ticks.includes('12'), `${ticks}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-data')]);
  const rows = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(rows[0], 'horas de estudio,nota previa,label,set');
  assert.equal(rows.length, 201);
  const sets = new Set(rows.slice(1).map((r) => r.split(',')[3]));
  assert.deepEqual([...sets].sort(), ['test', 'train']);
  const [hours, grade] = rows[1].split(',').map(Number);
  assert.ok(hours >= 0 && hours <= 12 && grade >= 40 && grade <= 100, rows[1]);
  await clean(s);
});

const heatmap = (page) => page.$eval('#heatmap-canvas', (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let i = 0; i < d.length; i += 13) h = (h * 31 + d[i]) % 1000000007;
  return h;
});
async function steps(page, n) {
  const target = (await epoch(page)) + n;
  for (let i = 0; i < n; i++) await page.click('#next-step-button');
  await page.waitForFunction((t) => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) === t, target);
}
async function setRange(page, value) {
  await page.$eval('#timeline', (e, v) => { e.value = String(v); e.dispatchEvent(new Event('input', { bubbles: true })); }, value);
}

test('the timeline shows the network at an earlier epoch, and training continues from there', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  const start = await heatmap(page);
  await steps(page, 30);
  const now = await heatmap(page);
  assert.equal(await page.$eval('#timeline', (e) => e.max), '30');
  await setRange(page, 0);
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  assert.equal(await eventually(() => heatmap(page), (h) => h === start), start, 'epoch 0 looks as it did');
  await setRange(page, 10);
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,010');
  assert.match(await text(page, '#timeline-label'), /^Showing epoch 10 of 30/);
  const at10 = await eventually(() => heatmap(page), (h) => h !== now && h !== start);
  assert.notEqual(at10, now);
  await setRange(page, 30);
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,030');
  assert.equal(await eventually(() => heatmap(page), (h) => h === now), now, 'back at the newest epoch');
  // From epoch 10, a step trains epoch 11 and the timeline ends there.
  await setRange(page, 10);
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,010');
  await page.click('#next-step-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,011');
  await page.waitForFunction(() => document.querySelector('#timeline').max === '11');
  await clean(s);
});

test('restarting with the same weights draws the same curve; a plain reset draws new weights', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await steps(page, 15);
  const first = await text(page, '#loss-train');
  const picture = await heatmap(page);
  await page.click('#reset-same-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await steps(page, 15);
  assert.equal(await text(page, '#loss-train'), first);
  assert.equal(await eventually(() => heatmap(page), (h) => h === picture), picture);
  await page.click('#reset-button');
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
  await steps(page, 15);
  assert.notEqual(await eventually(() => heatmap(page), (h) => h !== picture), picture);
  await clean(s);
});

test('two setups side by side train epoch for epoch, the chart shows both, and the link carries the second', async () => {
  const s = await open(browser, 'lang=en&dataset=logic-or&networkShape=&speed=10');
  const { page } = s;
  await page.click('#compare-button');
  await page.waitForSelector('#compare');
  await page.selectOption('#compare-dataset', 'logic-xor');
  await page.fill('#compare-shape', '4');
  await page.press('#compare-shape', 'Enter');
  await page.waitForFunction(() => document.querySelector('#compare-shape').value === '4');
  await page.selectOption('#compare-activation', 'relu');
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) >= 100, null, { timeout: 20000 });
  await page.click('#play-pause-button');
  await page.waitForTimeout(300);
  assert.equal(await text(page, '#compare-epoch'), await text(page, '#iter-number'), 'epoch for epoch');
  assert.match(await text(page, '#compare-loss'), /^\d\.\d{3}$/);
  const vermillion = await page.$eval('#loss-chart', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] > 70 && d[i + 1] < 120 && d[i + 2] < 40) n++;
    return n;
  });
  assert.ok(vermillion > 20, `the second setup's test loss is drawn: ${vermillion} pixels`);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.match(decodeURIComponent(hash), /compare=.*dataset=logic-xor/);
  const again = await open(browser, hash);
  await again.page.waitForSelector('#compare');
  assert.equal(await again.page.$eval('#compare-dataset', (e) => e.value), 'logic-xor');
  assert.equal(await again.page.$eval('#compare-activation', (e) => e.value), 'relu');
  await clean(again);
  await clean(s);
});

test('a hint worked out from the student\'s own setup: the learning rate, up, for AND in 20 epochs at 0.001; the network, add, for XOR with no hidden layer', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await page.click('#lesson-11');
  await page.waitForSelector('#hint-button');
  await page.click('#hint-button');
  await page.waitForSelector('#hint-button[data-knob="learningRate"]', { timeout: 30000 });
  assert.match(await page.textContent('#hint-text'), /Try changing the learning rate\./);
  assert.equal(await page.$eval('#hint-button', (e) => e.dataset.direction), undefined, 'the way comes with the second press');
  await page.click('#hint-button');
  await page.waitForSelector('#hint-button[data-direction="up"]');
  assert.match(await page.textContent('#hint-text'), /Up: a larger value\. In a run of 20 epochs/);
  await s.close();
  const x = await open(browser, 'lang=es');
  await x.page.click('#lesson-9');
  await x.page.waitForSelector('#remove-layers');
  await x.page.click('#remove-layers');
  await x.page.waitForFunction(() => document.querySelector('#num-layers').textContent === '0');
  await x.page.click('#hint-button');
  await x.page.waitForSelector('#hint-button[data-knob="networkShape"]', { timeout: 30000 });
  await x.page.click('#hint-button');
  await x.page.waitForSelector('#hint-button[data-direction="add"]');
  assert.match(await x.page.textContent('#hint-text'), /Agrega una neurona oculta/);
  await x.close();
});

test('a hint at an epoch limit of 1,000,000 is worked out while training goes on, says its cap, and can be stopped', async () => {
  const s = await open(browser, 'lang=es&goal=accuracy:100&maxEpochs=1000000&noise=50&speed=10');
  const { page } = s;
  const epoch = () => page.$eval('#iter-number', (e) => Number(e.textContent.replace(/\D/g, '')));
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/\D/g, '')) > 0);
  // Every text the hint shows is kept: on a fast machine its work is over in a moment.
  await page.evaluate(() => {
    window.hintTexts = [];
    new MutationObserver(() => { const t = document.querySelector('#hint-text'); if (t) window.hintTexts.push(t.textContent); })
      .observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.click('#hint-button');
  await page.waitForFunction(() => window.hintTexts.some((t) => t.includes('Probando')));
  // The cap is said: each run is far shorter than the exercise's million epochs.
  const working = await page.evaluate(() => window.hintTexts.find((t) => t.includes('Probando')));
  const cap = Number(working.match(/(\d[\d,]*) épocas cada uno/)[1].replace(/,/g, ''));
  assert.ok(cap <= 300, working);
  // Training goes on while the hint works.
  const before = await epoch();
  await page.waitForFunction((b) => Number(document.querySelector('#iter-number').textContent.replace(/\D/g, '')) > b + 20, before, { timeout: 60000 });
  // Stopped, it says nothing more; asked again, it answers.
  // Clicked in the page in one go: the hint may finish (and its Stop button go) at any moment.
  const stopped = await page.evaluate(() => {
    const stop = document.querySelector('#hint-cancel');
    stop?.click();
    return Boolean(stop);
  });
  if (stopped) await page.waitForFunction(() => document.querySelector('#hint-text').textContent === '');
  await page.click('#hint-button');
  await page.waitForSelector('#hint-button[data-ms]', { timeout: 90000 });
  assert.doesNotMatch(await page.textContent('#hint-text'), /Probando/);
  // Pause and Step still answer.
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  const paused = await epoch();
  await page.click('#next-step-button');
  await page.waitForFunction((p) => Number(document.querySelector('#iter-number').textContent.replace(/\D/g, '')) === p + 1, paused);
  await clean(s);
});
