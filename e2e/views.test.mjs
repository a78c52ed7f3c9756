// End-to-end: the views no playground has. The plane as a hidden layer sees it; the loss
// landscape with the run's own path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, steps, eventually, clean } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());


const morph = (page, t) => page.$eval('#space-morph', (e, v) => { e.value = String(v); e.dispatchEvent(new Event('input', { bubbles: true })); }, t);
const points = (page) => page.$eval('#space-view', (e) => JSON.parse(e.dataset.points));

test('trained XOR through two tanh neurons: in the layer its classes lie on the two sides of the output\'s line', async () => {
  const s = await open(browser, 'lang=en&dataset=logic-xor&networkShape=2&activation=tanh&learningRate=0.1&speed=max&space=1');
  const { page } = s;
  await page.waitForSelector('#space-view');
  assert.equal(await page.$eval('#space-view', (e) => e.dataset.layer), '1');
  await page.waitForSelector('#space-axes');
  assert.match(await text(page, '#space-axes'), /u = neuron 1, v = neuron 2/);
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#accuracy-train').textContent.startsWith('100'), null, { timeout: 30000 });
  await page.click('#play-pause-button');
  await page.waitForTimeout(300);
  assert.equal(await page.$eval('#space-morph', (e) => e.dataset.t), '1');
  const [a, b, c] = await page.$eval('#space-view', (e) => JSON.parse(e.dataset.line));
  const at1 = await points(page);
  assert.ok(at1.length > 100, `${at1.length} training points`);
  for (const [u, v, label] of at1) {
    assert.ok((a * u + b * v + c) * label > 0, `(${u}, ${v}) of class ${label} is on the wrong side of ${a}u + ${b}v + ${c} = 0`);
    assert.ok(Math.abs(u) <= 1 && Math.abs(v) <= 1, 'tanh neurons put the plane in (-1, 1)²');
  }
  // At 0 the points are where they are on the plane; half way, half way.
  await morph(page, 0);
  await page.waitForFunction(() => document.querySelector('#space-morph').dataset.t === '0');
  const at0 = await points(page);
  assert.ok(at0.some(([u]) => Math.abs(u) > 2) && at0.every(([u, v]) => Math.abs(u) <= 6.5 && Math.abs(v) <= 6.5), 'on the plane');
  await morph(page, 0.5);
  await page.waitForFunction(() => document.querySelector('#space-morph').dataset.t === '0.5');
  const half = await points(page);
  for (let i = 0; i < half.length; i += 17) {
    assert.ok(Math.abs(half[i][0] - (at0[i][0] + at1[i][0]) / 2) < 2e-3 && Math.abs(half[i][1] - (at0[i][1] + at1[i][1]) / 2) < 2e-3, `point ${i}`);
  }
  assert.ok(await page.evaluate(() => location.hash.includes('space=1')), 'in the link');
  await page.click('#space-close');
  await page.waitForFunction(() => !document.querySelector('#space-view') && !location.hash.includes('space='));
  await clean(s);
});

test('a wider layer is seen along its principal components, opened from its button, in Spanish; a link to no hidden layer is mended', async () => {
  const s = await open(browser, 'lang=es&networkShape=4,3');
  const { page } = s;
  await page.click('#space-button-1');
  await page.waitForSelector('#space-axes');
  assert.match(await text(page, '#space-view h3'), /El plano como lo ve la capa oculta 1/);
  assert.match(await text(page, '#space-axes'), /dos primeras componentes principales .*\d+% y \d+%/);
  assert.equal(await page.$eval('#space-view', (e) => e.dataset.line ?? null), null, 'the output reads another layer');
  assert.equal(await page.$eval('#space-button-1', (e) => e.getAttribute('aria-pressed')), 'true');
  // The second hidden layer, as the output sees it: three neurons, so components again, and the line is not drawn.
  await page.click('#space-button-2');
  await page.waitForFunction(() => document.querySelector('#space-view')?.dataset.layer === '2');
  await clean(s);
  const bad = await open(browser, 'lang=en&networkShape=4&space=2');
  assert.equal(await bad.page.$('#space-view'), null, 'layer 2 is the output here');
  assert.match(await text(bad.page, '.notice'), /space=2/);
  await clean(bad);
});

const path = (page) => page.$eval('#landscape', (e) => JSON.parse(e.dataset.path));
const epochOf = async (page) => Number((await text(page, '#iter-number')).replace(/,/g, ''));

test('the loss landscape: the run\'s path along its two main directions ends at the current training loss, and two weights can be chosen', async () => {
  const s = await open(browser, 'lang=en&landscape=true');
  const { page } = s;
  await page.waitForSelector('#landscape');
  assert.equal(await page.$eval('#landscape', (e) => e.dataset.mode), 'pca');
  await page.waitForSelector('#landscape-waiting');
  await steps(page, 40);
  await page.waitForFunction(() => document.querySelector('#landscape')?.dataset.path);
  await page.waitForFunction(() => JSON.parse(document.querySelector('#landscape').dataset.path).length >= 10);
  let p = await path(page);
  const last = p[p.length - 1];
  assert.deepEqual(last.slice(0, 2), [0, 0], 'the current weights are the centre');
  assert.equal(last[2].toFixed(3), await text(page, '#loss-train'), 'the last point is at the current training loss');
  assert.ok(p[0][2] > last[2], `the run started higher: ${p[0][2]} > ${last[2]}`);
  assert.match(await text(page, '#landscape-axes'), /\(\d+% and \d+% of its spread\)/);
  assert.ok(await page.$eval('#landscape-canvas', (c) => c.width > 0));
  // More training moves the path on.
  await steps(page, 10);
  await page.waitForFunction((n) => JSON.parse(document.querySelector('#landscape').dataset.path).at(-1)[2].toFixed(3) === document.querySelector('#loss-train').textContent.trim(), null);
  // Two weights: the plane is theirs, the current point is where they are, and the link says which.
  await page.selectOption('#landscape-mode', 'weights');
  await page.waitForFunction(() => document.querySelector('#landscape').dataset.mode === 'weights');
  await page.selectOption('#landscape-u', '1-0-1');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('landscape=1-0-1,'));
  await page.waitForFunction(() => document.querySelector('#landscape')?.dataset.path);
  p = await path(page);
  assert.equal(p.at(-1)[2].toFixed(3), await text(page, '#loss-train'));
  assert.ok(p.length >= 10, 'the path is the run\'s kept states');
  assert.equal(await epochOf(page), 50);
  await page.click('#landscape-close');
  await page.waitForFunction(() => !document.querySelector('#landscape') && !location.hash.includes('landscape='));
  await clean(s);
});

test('the loss landscape from its button, in Spanish; a link naming a weight the network does not have falls back to the main directions', async () => {
  const s = await open(browser, 'lang=es&networkShape=3&landscape=2-0-7,1-0-b');
  const { page } = s;
  await page.waitForSelector('#landscape');
  assert.equal(await page.$eval('#landscape', (e) => e.dataset.mode), 'pca', 'the 8th input of a layer of 3 is not there');
  assert.match(await text(page, '#landscape h3'), /La pérdida alrededor de los pesos actuales/);
  await page.click('#landscape-close');
  await page.waitForFunction(() => !document.querySelector('#landscape'));
  await page.click('#landscape-button');
  await page.waitForSelector('#landscape');
  assert.match(await text(page, '#landscape-waiting'), /Entrena algunas épocas/);
  // Two weights need no path: the plane is drawn at once, around the weights as they are.
  await page.selectOption('#landscape-mode', 'weights');
  await page.waitForSelector('#landscape-canvas');
  assert.equal((await path(page)).length, 1);
  await clean(s);
});

test('a sweep of the learning rate trains each value in the worker, reports what an ordinary run gives, and a row opens that setup', async () => {
  const s = await open(browser, 'lang=en&seed=5');
  const { page } = s;
  await page.click('#sweep-button');
  await page.waitForSelector('#sweep');
  assert.equal(await page.$eval('#sweep-knob', (e) => e.value), 'learningRate');
  assert.deepEqual(await page.$$eval('#sweep-knob option', (o) => o.map((e) => e.value)),
    ['learningRate', 'networkShape', 'percTrainData', 'noise', 'regularizationRate', 'batchSize']);
  // A word where a number belongs is named, and nothing starts.
  await page.fill('#sweep-from', '');
  await page.click('#sweep-run');
  assert.match(await text(page, '#sweep-message'), /Type a number/);
  assert.equal(await page.$('#sweep-results'), null);
  await page.fill('#sweep-from', '0.01');
  await page.fill('#sweep-to', '1');
  await page.fill('#sweep-count', '3');
  await page.fill('#sweep-epochs', '40');
  await page.click('#sweep-run');
  await page.waitForFunction(() => JSON.parse(document.querySelector('#sweep-results')?.dataset.values ?? '[]').length === 3, null, { timeout: 30000 });
  await page.waitForSelector('#sweep-run');
  const rows = JSON.parse(await page.$eval('#sweep-results', (e) => e.dataset.values));
  assert.deepEqual(rows.map((r) => r.value), [0.01, 0.1, 1], 'spaced on a log scale');
  for (const r of rows) assert.ok(r.train > 0 && r.test > 0, JSON.stringify(r));
  assert.equal(await page.$eval('#sweep-progress', (e) => `${e.value}/${e.max}`), '120/120');
  assert.equal((await page.$$('#sweep-results tbody tr')).length, 3);
  const inked = await page.$eval('#sweep-canvas', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 60) n++;
    return n;
  });
  assert.ok(inked > 100, `the test losses are plotted: ${inked} dark pixels`);
  // The row of 0.1 opens that setup; 40 epochs of it give the test loss the sweep reported.
  await page.click('#sweep-results button[data-value="0.1"]');
  await page.waitForFunction(() => document.querySelector('#learningRate select, select#learningRate')?.value === '0.1');
  await steps(page, 40);
  assert.equal(await text(page, '#loss-test'), rows[1].test.toFixed(3));
  await clean(s);
});

test('a sweep of a layer\'s neurons, in Spanish, can be cancelled and the run trains on', async () => {
  const s = await open(browser, 'lang=es&networkShape=2');
  const { page } = s;
  await page.click('#sweep-button');
  await page.selectOption('#sweep-knob', 'networkShape');
  await page.waitForSelector('#sweep-layer');
  assert.match(await text(page, '#sweep h3'), /¿Qué valor es mejor\?/);
  await page.fill('#sweep-from', '1');
  await page.fill('#sweep-to', '8');
  await page.fill('#sweep-count', '8');
  await page.fill('#sweep-epochs', '10000');
  await page.click('#sweep-run');
  await page.waitForSelector('#sweep-cancel');
  await page.waitForFunction(() => Number(document.querySelector('#sweep-progress')?.value) > 0);
  await page.click('#sweep-cancel');
  await page.waitForSelector('#sweep-run');
  assert.equal(await page.$('#sweep-progress'), null, 'the sweep is gone');
  // The run itself trains on as usual.
  await steps(page, 2);
  await page.click('#sweep-close');
  await page.waitForFunction(() => !document.querySelector('#sweep'));
  await clean(s);
});

test('a curve built neuron by neuron: the pieces and the bias add up to the output, and they change as the network trains', async () => {
  const s = await open(browser, 'lang=en&problem=regression&regDataset=curve-abs&networkShape=4&activation=relu&x=true&y=false&learningRate=0.03');
  const { page } = s;
  await page.waitForSelector('#curve-view');
  const read = () => page.$eval('#curve-view', (e) => JSON.parse(e.dataset.pieces));
  const before = await read();
  assert.equal(before.pieces.length, 4, 'a piece per neuron of the last hidden layer');
  assert.equal(before.x.length, before.output.length);
  for (let i = 0; i < before.x.length; i++) {
    const sum = before.pieces.reduce((a, p) => a + p[i], before.bias);
    assert.ok(Math.abs(sum - before.output[i]) < 1e-9, `at x = ${before.x[i]}`);
  }
  await steps(page, 20);
  const after = await eventually(read, (c) => JSON.stringify(c.output) !== JSON.stringify(before.output));
  assert.notDeepEqual(after.output, before.output, 'the curve follows the training');
  const inked = await page.$eval('#curve-canvas', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 60 && d[i + 1] < 60) n++;
    return n;
  });
  assert.ok(inked > 200, `the output is drawn: ${inked} dark pixels`);
  // In Spanish, and not for data of two inputs.
  const es = await open(browser, 'lang=es&problem=regression&regDataset=curve-sine');
  assert.match(await es.page.$eval('#curve-view h3', (e) => e.textContent), /La curva, neurona por neurona/);
  await clean(es);
  const plane = await open(browser, 'lang=en&problem=regression&regDataset=reg-plane');
  assert.equal(await plane.page.$('#curve-view'), null);
  await clean(plane);
  await clean(s);
});

test('your own feature: a bad formula changes nothing and says why; x1*x1 + x2*x2 alone learns the circle with no hidden layer, kept in the link', async () => {
  const s = await open(browser, 'lang=en&dataset=circle&networkShape=&learningRate=0.03');
  const { page } = s;
  await page.click('#custom-feature-button');
  await page.waitForSelector('#custom-feature-panel');
  const submit = async (formula) => {
    await page.fill('#custom-feature', formula);
    await page.click('#custom-feature-apply');
  };
  await submit('2 x1');
  await page.waitForFunction(() => /could not be read from “x1”/.test(document.querySelector('#custom-feature-message').textContent));
  await submit('x3 * x1');
  await page.waitForFunction(() => /“x3” is not x1, x2/.test(document.querySelector('#custom-feature-message').textContent));
  assert.equal(await page.$('#feature-custom'), null, 'no feature from a bad formula');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('customFeature'), 'nor in the link');
  assert.equal(await page.$eval('#custom-feature', (e) => e.value), 'x3 * x1', 'the typed text stays to be mended');
  await submit('x1*x1 + x2*x2');
  await page.waitForSelector('#feature-custom[aria-pressed="true"]');
  assert.equal(await page.$eval('#custom-feature-current', (e) => e.dataset.divisor), '12', 'divided down to ±6 on the plane');
  assert.match(await page.$eval('#feature-custom', (e) => e.getAttribute('aria-label')), /= x1\*x1 \+ x2\*x2/);
  await page.click('#feature-x');
  await page.click('#feature-y');
  await page.waitForFunction(() => document.querySelector('#feature-y').getAttribute('aria-pressed') === 'false');
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.includes('customFeature=x1*x1%2Bx2*x2') || hash.includes('customFeature=x1*x1%20%2B%20x2*x2'), hash);
  await steps(page, 60);
  const loss = await eventually(() => text(page, '#loss-test').then(Number), (v) => v < 0.05);
  assert.ok(loss < 0.05, `test loss ${loss}`);
  // The same link opened afresh brings the feature back, read in the worker.
  const again = await open(browser, hash.slice(1));
  await again.page.waitForSelector('#feature-custom[aria-pressed="true"]');
  assert.equal(await again.page.$eval('#feature-x', (e) => e.getAttribute('aria-pressed')), 'false');
  await steps(again.page, 60);
  assert.ok(Number(await eventually(() => text(again.page, '#loss-test'), (v) => Number(v) < 0.05)) < 0.05, 'the link trains the same');
  await clean(again);
  await clean(s);
});

test('a link with a formula that cannot be read says why in Spanish and keeps the rest of its setup', async () => {
  const s = await open(browser, 'lang=es&dataset=xor&learningRate=0.1&customFeature=x3*2');
  const { page } = s;
  await page.waitForFunction(() => /No se usó la fórmula del enlace “x3\*2”: “x3” no es x1, x2/.test(document.body.textContent));
  assert.equal(await page.$('#feature-custom'), null);
  assert.equal(await page.$eval('#learningRate', (e) => e.value), '0.1');
  await clean(s);
});

test('a hidden neuron switched off gives 0 and changes the losses at once, and frozen keeps its weights while the rest learn; both in the link', async () => {
  const s = await open(browser, 'lang=en&dataset=xor&networkShape=4&activation=tanh&learningRate=0.1');
  const { page } = s;
  await steps(page, 30);
  const losses = () => page.evaluate(() => `${document.querySelector('#loss-train').textContent}/${document.querySelector('#loss-test').textContent}`);
  const before = await losses();
  await page.click('#neuron-1-0');
  await page.waitForSelector('#neuron-off');
  await page.click('#neuron-off');
  await page.waitForSelector('#neuron-1-0[data-off="true"]');
  assert.match(await page.$eval('#neuron-1-0', (e) => e.getAttribute('aria-label')), /switched off/);
  await page.waitForFunction(() => document.querySelector('#inspector-a').dataset.value === '0');
  const off = await eventually(losses, (l) => l !== before);
  assert.notEqual(off, before, 'the losses change without a step');
  assert.ok((await page.evaluate(() => location.hash)).includes('off=1,0'));
  await steps(page, 10);
  assert.equal(await page.$eval('#inspector-a', (e) => e.dataset.value), '0', 'still 0 after training');
  await page.click('#neuron-off');
  await page.waitForSelector('#neuron-1-0[data-off="false"]');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('off='));
  // Frozen: its weights and bias stay as they are while training goes on.
  await page.click('#neuron-freeze');
  await page.waitForSelector('#neuron-1-0[data-frozen="true"]');
  const weights = () => page.evaluate(() => [...document.querySelectorAll('#inspector .inspector-term')].map((e) => e.dataset.weight).join(',') + '|' + document.querySelector('#inspector-bias').dataset.value);
  const kept = await weights();
  const other = await page.evaluate(() => document.querySelector('#loss-train').textContent);
  await steps(page, 20);
  assert.equal(await weights(), kept);
  assert.notEqual(await page.evaluate(() => document.querySelector('#loss-train').textContent), other, 'the others learn on');
  assert.ok((await page.evaluate(() => location.hash)).includes('frozen=1,0'));
  // In Spanish, from a link.
  const es = await open(browser, 'lang=es&dataset=xor&networkShape=4,2&off=1,2;2,1&frozen=1,0');
  await es.page.waitForSelector('#neuron-1-2[data-off="true"]');
  assert.match(await es.page.$eval('#neuron-2-1', (e) => e.getAttribute('aria-label')), /apagada/);
  assert.match(await es.page.$eval('#neuron-1-0', (e) => e.getAttribute('aria-label')), /congelada/);
  await clean(es);
  await clean(s);
});
