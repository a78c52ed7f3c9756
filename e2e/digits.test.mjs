// End-to-end: beyond two inputs, the handwritten digits. The network reads 8 x 8 images as 64
// inputs; a pad in the picture's place reads what the student draws, the test images read
// wrong are shown with their guesses, and each first-layer neuron shows its 64 weights as a
// picture. In Spanish, at a school laptop's 1280 x 720 and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, eventually, clean, steps, seriousViolations, stroke } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const BASE = 'lang=es&dataset=digits&networkShape=32&activation=relu&optimizer=adam&learningRate=0.01&batchSize=32';
const percent = async (page, id) => Number((await page.textContent(id)).replace('%', ''));
const chances = (page) => page.$eval('#digit-pad', (e) => JSON.parse(e.dataset.probabilities || 'null'));
const best = (p) => Object.entries(p).sort((a, b) => b[1] - a[1])[0][0];

/** Whether an element lies wholly inside the window. */
const inView = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
});

/** The first-layer neurons' pictures, as the diagram's canvas holds them. */
const weightPictures = (page) => page.evaluate(() => {
  const nodes = document.querySelector('#nodes-canvas');
  const g = nodes.getContext('2d');
  const scale = nodes.width / nodes.getBoundingClientRect().width;
  const base = nodes.getBoundingClientRect();
  return [...document.querySelectorAll('[id^="neuron-1-"]')].slice(0, 4).map((n) => {
    const r = n.getBoundingClientRect();
    const d = g.getImageData((r.left - base.left + 4) * scale, (r.top - base.top + 4) * scale, 24 * scale, 24 * scale).data;
    let sum = 0; const seen = new Set();
    for (let i = 0; i < d.length; i += 4) { sum += d[i] * 3 + d[i + 1] * 5 + d[i + 2] * 7; seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`); }
    return { sum, colours: seen.size };
  });
});

/** A stroke on the pad through points in its own units (0 to 1), by mouse or finger. */
const draw = (page, points, touch = null) => stroke(page, '#digit-pad canvas.pad', points, touch);
const ONE = Array.from({ length: 12 }, (_, i) => [0.52 - i * 0.004, 0.12 + i * 0.065]);
const ZERO = Array.from({ length: 33 }, (_, i) => [0.5 + 0.24 * Math.sin(i / 32 * 2 * Math.PI), 0.5 - 0.36 * Math.cos(i / 32 * 2 * Math.PI)]);

test('all ten digits reach 90% test accuracy with one hidden layer, the pad, the losses and the chart in view all along, and a drawn 1 and 0 are read right, in Spanish at 1280 x 720', async () => {
  const s = await open(browser, BASE, { width: 1280, height: 720 }, { bypassCSP: true }, '#digit-pad');
  const { page } = s;
  assert.equal(await page.$eval('#digit-pad h3', (e) => e.textContent), 'Dibuja un dígito');
  assert.equal(await page.$('#heatmap'), null, 'the pad stands in the picture\'s place');
  // One input node, the image; the first layer's 32 neurons in side-by-side rows.
  assert.match(await page.getAttribute('#vector-input', 'aria-label'), /^64 entradas: los 8 x 8 píxeles/);
  assert.equal(await page.textContent('#inputs-head'), 'Entradas', 'no features of the plane: inputs');
  assert.equal(await page.$$eval('[id^="neuron-1-"]', (n) => n.length), 32);
  assert.equal(await page.$$eval('[id^="output-node-"]', (n) => n.length), 10);
  await page.waitForFunction(() => document.querySelector('#loss-test').textContent !== '–');
  const untrained = await weightPictures(page);
  assert.ok(untrained.every((p) => p.colours > 3), `each neuron shows its weights as a picture: ${JSON.stringify(untrained)}`);
  await page.click('#play-pause-button');
  // While it trains, the pad, the test loss and the chart stay on screen.
  for (let i = 0; i < 5; i++) {
    for (const id of ['#digit-pad canvas.pad', '#loss-test', '#loss-chart']) assert.ok(await inView(page, id), `${id} in view`);
    await page.waitForTimeout(300);
  }
  await eventually(() => percent(page, '#accuracy-test'), (a) => a >= 90, 60000);
  await page.click('#play-pause-button');
  const accuracy = await percent(page, '#accuracy-test');
  const trained = await weightPictures(page);
  assert.ok(trained.some((p, i) => p.sum !== untrained[i].sum), 'the weight pictures changed as it trained');
  // The gallery is the test images the accuracy counts wrong, each with its guess.
  const gallery = await page.$eval('#digit-errors', (e) => ({ count: Number(e.dataset.count), items: [...e.querySelectorAll('li')].map((l) => [l.dataset.digit, l.dataset.guess]) }));
  const tested = 1797 - Math.floor(1797 * 0.5);
  assert.equal(gallery.count, Math.round(tested * (1 - accuracy / 100)), `${gallery.count} wrong of ${tested} at ${accuracy}%`);
  assert.equal(gallery.items.length, Math.min(24, gallery.count));
  assert.ok(gallery.items.every(([d, g]) => d !== g && /^\d$/.test(d) && /^\d$/.test(g)));
  assert.match(await page.textContent('#digit-errors'), new RegExp(`${gallery.count} de ${tested} imágenes de prueba`));
  // A drawn 1, then a drawn 0, each read right; the probabilities add up to one.
  assert.equal(await chances(page), null, 'nothing drawn, nothing read');
  await draw(page, ONE);
  const one = await eventually(() => chances(page), (p) => p !== null, 5000);
  assert.equal(best(one), '1', JSON.stringify(one));
  assert.ok(Math.abs(Object.values(one).reduce((a, b) => a + b, 0) - 1) < 1e-3);
  assert.equal(await page.textContent('#digit-pad .reading'), 'La red lee un 1');
  await page.click('#digit-clear');
  await page.waitForFunction(() => !document.querySelector('#digit-pad').dataset.probabilities);
  await draw(page, ZERO);
  const zero = await eventually(() => chances(page), (p) => p !== null, 5000);
  assert.equal(best(zero), '0', JSON.stringify(zero));
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

test('the digits chosen are the classes, kept in the link; a first-layer neuron\'s 64-term sum is pictured, the layer\'s space carries the images, and backprop step by step walks an image through one update', async () => {
  const s = await open(browser, `${BASE}&digits=0,1,7`, { width: 1280, height: 720 }, { bypassCSP: true }, '#digit-pad');
  const { page } = s;
  assert.deepEqual(await page.$$eval('#digit-pad .chances li', (l) => l.map((e) => e.dataset.digit)), ['0', '1', '7']);
  assert.equal(await page.getAttribute('#digit-choice-7', 'aria-pressed'), 'true');
  // Dropping the 7 leaves two classes: one output; the last two cannot be dropped.
  await page.click('#digit-choice-7');
  await page.waitForFunction(() => /digits=0,1(&|$)/.test(decodeURIComponent(location.hash)));
  assert.equal(await page.$$eval('[id^="output-node-"]', (n) => n.length), 1);
  assert.equal(await page.getAttribute('#digit-choice-1', 'aria-disabled'), 'true');
  await page.click('#digit-choice-1', { force: true });
  assert.equal(await page.getAttribute('#digit-choice-1', 'aria-pressed'), 'true');
  assert.match(await page.textContent('.digit-choice .hint'), /Elige de dos a diez dígitos/);
  await page.click('#digit-choice-4');
  await page.waitForFunction(() => /digits=0,1,4(&|$)/.test(decodeURIComponent(location.hash)));
  // The inspector: x, w and wᵢ·xᵢ as pictures, their total and the bias making z.
  await page.click('#neuron-1-0');
  await page.waitForSelector('#vector-sum');
  const sum = await page.$eval('#vector-sum', (e) => ({ total: Number(e.dataset.total), terms: Number(e.dataset.terms) }));
  const z = Number(await page.getAttribute('#inspector-z', 'data-value'));
  const bias = Number(await page.getAttribute('#inspector-bias', 'data-value'));
  assert.equal(sum.terms, 64);
  assert.ok(Math.abs(sum.total + bias - z) < 1e-3, `Σ ${sum.total} + b ${bias} = z ${z}`);
  assert.match(await page.textContent('#inspector .inspector-point'), /^Imagen de entrenamiento 1 \/ \d+: [014]/);
  // W·X + b for the first layer: W's rows and X's columns as pictures, Z as numbers.
  await page.click('#matrix-button-1');
  const w = await page.$eval('#matrix-w', (e) => JSON.parse(e.dataset.values));
  const x = await page.$eval('#matrix-x', (e) => JSON.parse(e.dataset.values));
  assert.equal(await page.$$eval('#matrix-w canvas', (c) => c.length), 32);
  assert.equal(await page.$$eval('#matrix-x canvas', (c) => c.length), 4);
  assert.deepEqual([w.length, w[0].length, x.length, x[0].length], [32, 64, 4, 64]);
  // The layer's space works for any network: the training images carried into it.
  await page.click('#space-button-1');
  const carried = await eventually(() => page.$eval('#space-view', (e) => JSON.parse(e.dataset.points || '[]')), (p) => p.length > 0, 10000);
  const shown = await page.$eval('#space-view', (e) => e.dataset.layer);
  assert.ok(carried.length > 250 && carried.every((p) => p.length === 3 && p.every(Number.isFinite)), `${carried.length} images in layer ${shown}'s space`);
  // Backprop step by step walks an image through one update: its 64 inputs drawn, the
  // stages in turn, and the image's loss falling with the step.
  await page.click('#backprop-button');
  await page.waitForSelector('#backprop-input canvas');
  const inputs = await page.$eval('#backprop-sample', (e) => JSON.parse(e.dataset.inputs));
  assert.equal(inputs.length, 64);
  assert.deepEqual(await page.$eval('#backprop-input', (e) => JSON.parse(e.dataset.values)), [inputs]);
  assert.match(await page.textContent('#backprop-sample'), /64 entradas/);
  for (let i = 0; i < 8 && (await page.getAttribute('#backprop-stage', 'data-stage')) !== 'done'; i++) await page.click('#backprop-next');
  assert.equal(await page.getAttribute('#backprop-stage', 'data-stage'), 'done');
  const [before, after] = (await page.textContent('#backprop .formula')).match(/\d+\.\d+/g).map(Number);
  assert.ok(after < before, `one step lowers the image's loss: ${before} → ${after}`);
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

test('on a phone the digits train, the pad comes into view with the losses and reads a 1 drawn with a finger', async () => {
  const s = await open(browser, BASE, { width: 390, height: 844 }, { hasTouch: true, isMobile: true, bypassCSP: true }, '#digit-pad');
  const { page } = s;
  await page.click('#mobile-play');
  await eventually(() => percent(page, '#accuracy-test'), (a) => a >= 90, 60000);
  await page.click('#mobile-play');
  for (const id of ['#digit-pad canvas.pad', '#loss-test']) assert.ok(await inView(page, id), `${id} in view on the phone`);
  const box = await page.$eval('#digit-pad', (e) => e.getBoundingClientRect().right);
  assert.ok(box <= 390, `the pad fits the phone: ${box}`);
  const touch = await page.context().newCDPSession(page);
  await draw(page, ONE, touch);
  const one = await eventually(() => chances(page), (p) => p !== null, 5000);
  assert.equal(best(one), '1', JSON.stringify(one));
  const gallery = await page.$eval('#digit-errors', (e) => e.getBoundingClientRect().right);
  assert.ok(gallery <= 390, `the gallery fits the phone: ${gallery}`);
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});

/** A table of six columns: five measures and whether a sixth passes, decided by three. */
function sixColumns(rows) {
  let seed = 7;
  const rand = (lo, hi) => { seed = (seed * 16807) % 2147483647; return lo + (hi - lo) * seed / 2147483647; };
  const lines = ['edad;horas;nota previa;faltas;altura;aprobó'];
  for (let i = 0; i < rows; i++) {
    const [age, hours, grade, absences, height] = [rand(12, 18), rand(0, 12), rand(40, 100), rand(0, 20), rand(140, 190)];
    const passed = hours / 12 + (grade - 40) / 60 - absences / 20 > 0.6 ? 1 : 0;
    lines.push([age.toFixed(1).replace('.', ','), hours.toFixed(1).replace('.', ','), Math.round(grade), Math.round(absences), Math.round(height), passed].join(';'));
  }
  return lines.join('\n') + '\nno;es;una;fila;de;números\n';
}

test('a CSV of six columns opens a choice of its columns; the label chosen as classes trains, a bad choice says why, in Spanish at 1280 x 720', async () => {
  const s = await open(browser, 'lang=es&networkShape=6&learningRate=0.1', { width: 1280, height: 720 }, { bypassCSP: true });
  const { page } = s;
  await page.click('#dataset-button-custom');
  const fs = await import('node:fs');
  const file = `${process.env.TMPDIR || '/tmp'}/neurona-table-${process.pid}.csv`;
  fs.writeFileSync(file, sixColumns(300));
  await page.setInputFiles('#load-csv', file);
  await page.waitForSelector('#csv-chooser');
  assert.match(await page.textContent('#csv-chooser'), /300 filas de 6 columnas/);
  assert.match(await page.textContent('.notice.warn'), /línea 302 \(no es un número en "edad"\)/i);
  assert.deepEqual(await page.$$eval('#csv-columns input', (i) => i.map((e) => [e.dataset.column, e.checked, e.disabled])),
    [['edad', true, false], ['horas', true, false], ['nota previa', true, false], ['faltas', true, false], ['altura', true, false], ['aprobó', false, true]]);
  assert.equal(await page.$eval('#csv-predict-class', (e) => e.checked), true, 'a column of two values is classes');
  // Predicting hours as classes cannot be: said, nothing changed.
  await page.selectOption('#csv-label', '1');
  assert.equal(await page.$eval('#csv-predict-value', (e) => e.checked), true, 'a column of many values is a value');
  await page.click('#csv-predict-class');
  await page.click('#csv-use');
  assert.match(await page.textContent('#csv-problem'), /tiene \d+ valores distintos y las clases son de 2 a 10/);
  assert.equal(await page.getAttribute('#dataset-button-custom', 'aria-checked'), 'true');
  // Whether a student passes, from hours, previous grade and absences.
  await page.selectOption('#csv-label', '5');
  for (const name of ['edad', 'altura']) await page.click(`#csv-columns input[data-column="${name}"]`);
  await page.click('#csv-use');
  await page.waitForSelector('#table-summary');
  assert.equal(await page.$('#csv-chooser'), null);
  // The table's button joins the data sets; the others keep their pictures.
  const drawn = await page.$$eval('.datasets canvas:not(#dataset-table)', (cs) => cs.map((c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)));
  assert.ok(drawn.length > 10 && drawn.every(Boolean), `every data set's picture stays: ${drawn}`);
  assert.match(await page.textContent('#table-summary'), /300 filas\. Entradas: horas, nota previa, faltas\. Predice "aprobó" como clases/);
  assert.match(await page.textContent('#table-scaling'), /horas 0(\.\d+)? … 1\d(\.\d+)?, nota previa 4\d … \d+, faltas 0 … 20/);
  // The network's inputs are named by their columns, each linked to the first layer.
  assert.deepEqual(await page.$$eval('.column-input', (n) => n.map((e) => e.getAttribute('aria-label'))), ['horas', 'nota previa', 'faltas']);
  await page.click('#neuron-1-0');
  const names = await eventually(() => page.$$eval('#inspector .input-name', (e) => e.map((n) => n.textContent.trim())), (n) => n.length === 4, 5000);
  assert.deepEqual(names, ['(horas)', '(nota previa)', '(faltas)', '(Sesgo)']);
  // The picture's place shows two columns as a plane, the third held at its mean, and says so.
  assert.match(await page.textContent('#table-plane-axes'), /A lo ancho: horas \(0(\.\d+)? … 1\d(\.\d+)?\); hacia arriba: nota previa .* media de las filas de entrenamiento: faltas\./);
  await page.click('#play-pause-button');
  await eventually(() => percent(page, '#accuracy-test'), (a) => a >= 85, 60000);
  await page.click('#play-pause-button');
  const plane = () => page.$eval('#table-plane', (e) => JSON.parse(e.dataset.shares || 'null'));
  const shares = await eventually(plane, (v) => v !== null, 5000);
  assert.ok(shares[0] > 0.05 && shares[1] > 0.05, `hours and grade part the plane between passing and failing: ${shares}`);
  await page.selectOption('#table-plane-x', '2');
  await page.waitForFunction(() => document.querySelector('#table-plane').dataset.columns === '[2,1]');
  assert.match(await page.textContent('#table-plane-axes'), /A lo ancho: faltas \(0 … 20\).*: horas\./);
  for (const id of ['#table-plane', '#loss-test', '#loss-chart']) assert.ok(await inView(page, id), `${id} in view`);
  assert.deepEqual(await seriousViolations(page), []);
  fs.unlinkSync(file);
  await clean(s);
});

test('a small table travels in the copied link: opened elsewhere it is the same data and trains the same run', async () => {
  const s = await open(browser, 'lang=es&networkShape=4&learningRate=0.1', { width: 1280, height: 720 });
  const { page } = s;
  await page.click('#dataset-button-custom');
  const fs = await import('node:fs');
  const file = `${process.env.TMPDIR || '/tmp'}/neurona-small-table-${process.pid}.csv`;
  fs.writeFileSync(file, sixColumns(40));
  await page.setInputFiles('#load-csv', file);
  await page.waitForSelector('#csv-chooser');
  await page.selectOption('#csv-label', '5');
  for (const name of ['edad', 'altura']) await page.click(`#csv-columns input[data-column="${name}"]`);
  await page.click('#csv-use');
  await page.waitForSelector('#table-summary');
  assert.match(await page.textContent('#table-link'), /El enlace lleva esta tabla/);
  const hash = await page.evaluate(() => location.hash.slice(1));
  assert.match(hash, /(^|&)table=c\|/);
  const summary = await page.textContent('#table-summary');
  await steps(page, 5);
  const loss = await page.textContent('#loss-test');
  fs.unlinkSync(file);
  await clean(s);
  // The link opened in another page: the same table, the same run.
  const t = await open(browser, hash, { width: 1280, height: 720 }, {}, '#table-summary');
  assert.equal(await t.page.textContent('#table-summary'), summary);
  assert.equal(await t.page.$$eval('.notice', (n) => n.length), 0, 'nothing repaired');
  await t.page.waitForFunction(() => document.querySelector('#loss-test')?.textContent.includes('.'));
  await steps(t.page, 5);
  assert.equal(await t.page.textContent('#loss-test'), loss);
  await clean(t);
});

test('a hand-in code of a digits exercise carries the digits chosen, and the board computes its accuracy again', async () => {
  const hash = 'lang=es&dataset=digits&digits=0,1&networkShape=4&activation=relu&optimizer=adam&learningRate=0.01&batchSize=32&goal=accuracy:90';
  const s = await open(browser, hash, { width: 1280, height: 720 }, {}, '#digit-pad');
  const { page } = s;
  await steps(page, 5);
  await page.click('#handin-button');
  await page.fill('#handin-name', 'Citlali');
  await page.click('#handin-make');
  await page.waitForSelector('#handin-code');
  const code = await page.$eval('#handin-code', (e) => e.value);
  const claimed = (await page.textContent('#handin-claim')).match(/Exactitud de prueba (\d+\.\d)%/)[1];
  const b = await open(browser, `${hash}&board=true`, { width: 1280, height: 720 }, {}, '#class-board');
  await b.page.fill('#board-input', `Citlali: ${code}`);
  await b.page.click('#board-add');
  await b.page.waitForSelector('#board-table[data-ms] tbody tr');
  const row = await b.page.$eval('#board-table tbody tr', (r) => ({ ...r.dataset }));
  assert.deepEqual([row.valid, row.met, row.claimed, row.recomputed], ['true', 'true', `${claimed}%`, `${claimed}%`], JSON.stringify(row));
  await clean(b);
  await clean(s);
});
