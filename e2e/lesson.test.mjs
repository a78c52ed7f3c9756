// End-to-end: the lesson's controls, from the threshold unit to early stopping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, clean } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const text = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());
const percent = async (page, sel) => Number((await text(page, sel)).replace('%', ''));
const epoch = async (page) => Number((await text(page, '#iter-number')).replace(/,/g, ''));
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

async function lesson(page, name) {
  await page.click(`#lesson-bar [data-lesson="${name}"]`);
  await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
}

async function train(page, epochs) {
  await page.selectOption('#speed', '10');
  await page.click('#play-pause-button');
  await page.waitForFunction((n) => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) >= n, epochs, { timeout: 30000 });
  await page.click('#play-pause-button');
}


test('one threshold unit learns OR to 100% but never XOR', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await lesson(page, 'OrOneNeuron');
  assert.match(await text(page, '#lesson-banner-caption'), /perceptron rule/);
  assert.match(await hash(page), /dataset=logic-or/);
  assert.match(await hash(page), /output=step/);
  assert.equal(await page.$$eval('.hidden-node', (n) => n.length), 0, 'no hidden layer');
  await train(page, 30);
  assert.equal(await percent(page, '#accuracy-train'), 100);
  assert.match(await text(page, '#perceptron-status'), /^0 \(converged/);

  await lesson(page, 'XorOneNeuron');
  assert.match(await hash(page), /dataset=logic-xor/);
  await train(page, 60);
  assert.ok(await percent(page, '#accuracy-train') < 80, 'XOR is not linearly separable');
  assert.match(await text(page, '#perceptron-status'), /^[1-9]\d* \(not converged/);
  await clean(s);
});

test('XOR is learned with a hidden layer', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await lesson(page, 'XorHiddenLayer');
  assert.equal(await page.$$eval('.hidden-node', (n) => n.length), 4);
  await train(page, 200);
  assert.ok(await percent(page, '#accuracy-test') >= 95, `test accuracy ${await text(page, '#accuracy-test')}`);
  await clean(s);
});

test('three classes are learned and the heatmap shows three hues', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await lesson(page, 'ThreeClasses');
  assert.match(await hash(page), /classes=3/);
  assert.equal(await page.$$eval('.output-node', (n) => n.length), 3, 'one output per class');
  await train(page, 60);
  assert.ok(await percent(page, '#accuracy-test') >= 90, `test accuracy ${await text(page, '#accuracy-test')}`);
  const hues = await page.$eval('#heatmap-canvas', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      const max = Math.max(r, g, b), min = Math.min(r, g, b);
      if (max - min < 60) continue; // greyish
      seen.add(b === max ? 'blue' : g > 0.7 * r ? 'yellow' : 'vermillion');
    }
    return [...seen].sort();
  });
  assert.deepEqual(hues, ['blue', 'vermillion', 'yellow'], 'the colour-blind-safe hues of classes 0, 1 and 2');
  assert.deepEqual(await page.$$eval('.output-node', (n) => n.map((e) => e.textContent)), ['ŷ₀', 'ŷ₁', 'ŷ₂'], 'outputs named by class');
  assert.equal(await page.$$eval('#confusion tr', (r) => r.length), 4, 'a 3 x 3 confusion matrix with its header row');
  await clean(s);
});

test('early stopping halts a noisy run, stops the counter and says so', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  await lesson(page, 'EarlyStopping');
  assert.ok(await page.$('#loss-val'), 'the validation loss is shown');
  await page.selectOption('#speed', '10');
  await page.click('#play-pause-button');
  await page.waitForSelector('.notice.info', { timeout: 60000 });
  assert.match(await text(page, '.notice.info'), /Early stopping/);
  const stopped = await epoch(page);
  await page.waitForTimeout(300);
  assert.equal(await epoch(page), stopped, 'the epoch counter stopped');
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-pressed'), 'false');
  await clean(s);
});

test('every new control round-trips through the link', async () => {
  const s = await open(browser, 'lang=en');
  const { page } = s;
  const steps = [
    ['#layer-activation-0', 'elu', 'layerActivations=elu,tanh'],
    ['#layer-dropout-1', '0.5', 'dropout=0,0.5'],
    ['#output', 'sigmoid', 'output=sigmoid'],
    ['#loss', 'bce', null],
    ['#optimizer', 'adam', 'optimizer=adam'],
    ['#init', 'normal', 'init=normal'],
    ['#monitor', 'train', null],
  ];
  for (const [sel, value, expected] of steps) {
    await page.selectOption(sel, value);
    if (expected) await page.waitForFunction((e) => decodeURIComponent(location.hash).includes(e), expected);
  }
  await page.fill('#beta1', '0.8');
  await page.press('#beta1', 'Tab');
  await page.click('#batch-full');
  await page.check('#shuffle');
  await page.fill('#percValData', '15');
  await page.check('#earlyStopping');
  await page.fill('#patience', '5');
  await page.press('#patience', 'Tab');
  await page.waitForFunction(() => location.hash.includes('patience=5'));
  await page.fill('#minDelta', '0.01');
  await page.press('#minDelta', 'Tab');
  await page.selectOption('#layer-activation-1', 'leaky-relu');
  await page.fill('#leakySlope', '0.2');
  await page.press('#leakySlope', 'Tab');
  await page.waitForFunction(() => location.hash.includes('leakySlope=0.2'));
  const h = await hash(page);
  for (const kv of ['beta1=0.8', 'batchSize=1200', 'shuffle=true', 'percValData=15', 'earlyStopping=true', 'monitor=train', 'minDelta=0.01', 'layerActivations=elu,leaky-relu']) assert.ok(h.includes(kv), `${kv} in ${h}`);
  // Open the link afresh: every control shows the same values.
  const again = await open(browser, h);
  const p2 = again.page;
  assert.equal(await p2.$eval('#layer-activation-0', (e) => e.value), 'elu');
  assert.equal(await p2.$eval('#layer-dropout-1', (e) => e.value), '0.5');
  assert.equal(await p2.$eval('#output', (e) => e.value), 'sigmoid');
  assert.equal(await p2.$eval('#optimizer', (e) => e.value), 'adam');
  assert.equal(await p2.$eval('#beta1', (e) => e.value), '0.8');
  assert.equal(await p2.$eval('#init', (e) => e.value), 'normal');
  assert.equal(await p2.$eval('#patience', (e) => e.value), '5');
  assert.equal(await p2.$eval('#minDelta', (e) => e.value), '0.01');
  assert.equal(await p2.$eval('#leakySlope', (e) => e.value), '0.2');
  assert.ok(await p2.isChecked('#shuffle') && await p2.isChecked('#earlyStopping'));
  assert.equal(await hash(p2), h, 'the link is stable');
  assert.equal(await p2.$$eval('.notice', (n) => n.length), 0);
  await clean(again);
  await clean(s);
});

test('the lesson panel speaks Spanish', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  const body = await page.textContent('.lesson-panel');
  for (const w of ['Activación de salida', 'Función de pérdida', 'Optimizador', 'Parada temprana', 'Paciencia', 'Datos de validación', 'Matriz de confusión', 'Pesos iniciales', 'Clases', 'Glosario', 'Retropropagación', 'Sobreajuste', 'Época']) {
    assert.ok(body.includes(w), `${w} in the Spanish panel`);
  }
  await lesson(page, 'OrOneNeuron');
  assert.match(await text(page, '#lesson-banner-caption'), /regla del perceptrón/);
  await clean(s);
});

test('a threshold unit by hand: typed weights move the line and the mistakes at once', async () => {
  const s = await open(browser, 'lang=en&dataset=logic-or&networkShape=&output=step&loss=half-mse&learningRate=0.1');
  const { page } = s;
  const mistakes = () => page.$eval('#perceptron-status', (e) => Number(e.dataset.mistakes));
  const line = () => page.$eval('#heatmap-points', (c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let h = 0; for (let i = 0; i < d.length; i += 11) h = (h * 31 + d[i]) % 1000000007; return h; });
  const before = await line();
  for (const [id, v] of [['#tlu-w1', '1'], ['#tlu-w2', '1'], ['#tlu-b', '2']]) {
    await page.fill(id, v);
    await page.press(id, 'Tab');
  }
  await page.waitForFunction(() => document.querySelector('#perceptron-status').dataset.mistakes === '0');
  assert.match(await text(page, '#perceptron-status'), /^0 \(converged/);
  assert.notEqual(await line(), before, 'the decision line moved');
  // A line that puts every point on the blue side is wrong for the orange corner.
  await page.fill('#tlu-b', '9');
  await page.press('#tlu-b', 'Tab');
  await page.waitForFunction(() => Number(document.querySelector('#perceptron-status').dataset.mistakes) > 0);
  // The rule, stepped: it names the point and, when the unit was wrong, how the weights moved.
  // Each step is the worker's: the next is taken once it has answered.
  const answered = () => page.$eval('#perceptron-log', (e) => Number(e.dataset.steps));
  for (let i = 0; i < 400 && !(await text(page, '#perceptron-log')).includes('moved'); i++) {
    const before = await answered();
    await page.click('#perceptron-step');
    await page.waitForFunction((n) => Number(document.querySelector('#perceptron-log').dataset.steps) > n, before);
  }
  assert.match(await text(page, '#perceptron-log'), /^Point \d+ \(x₁ = -?\d\.\d\d, x₂ = -?\d\.\d\d\), label 0: the unit said 1 — wrong, so w ← w \+ η\(y − ŷ\)x moved: w₁ .* → .*, b 9\.00 → 8\.90$/);
  await clean(s);
  // The AND lesson: its weights searched by hand.
  const and = await open(browser, 'lang=es');
  await and.page.click('#lesson-bar [data-lesson="AndByHand"]');
  assert.match(await text(and.page, '#lesson-banner-caption'), /búsqueda de pesos|Escribe tú w₁/);
  for (const [id, v] of [['#tlu-w1', '1'], ['#tlu-w2', '1'], ['#tlu-b', '-3']]) {
    await and.page.fill(id, v);
    await and.page.press(id, 'Tab');
  }
  await and.page.waitForFunction(() => document.querySelector('#perceptron-status').dataset.mistakes === '0');
  await clean(and);
  // On XOR the lesson says why no line works, and none does.
  const xor = await open(browser, 'lang=es&dataset=logic-xor&networkShape=&output=step&loss=half-mse');
  assert.match(await text(xor.page, '.threshold-unit .explain'), /ninguna recta/);
  for (const [w1, w2, b] of [['1', '1', '0'], ['1', '-1', '0'], ['-1', '1', '2'], ['0', '1', '0']]) {
    await xor.page.fill('#tlu-w1', w1); await xor.page.fill('#tlu-w2', w2); await xor.page.fill('#tlu-b', b);
    await xor.page.press('#tlu-b', 'Tab');
    await xor.page.waitForTimeout(50);
    assert.ok(Number(await xor.page.$eval('#perceptron-status', (e) => e.dataset.mistakes)) > 0, `${w1}, ${w2}, ${b}`);
  }
  await clean(xor);
});

test('each lesson asks before the run, explains after it and answers the wrong choice; the answer is kept, and hidden with the explanations', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  for (let i = 1; i <= 8; i++) {
    await page.click(`#lesson-${i}`);
    await page.waitForSelector('#checkpoint');
    assert.ok((await page.$$('.checkpoint-choice')).length >= 2, `lesson ${i}`);
  }
  // XOR with a hidden layer: a wrong answer first, before any training.
  await page.click('#lesson-4');
  await page.waitForSelector('#checkpoint');
  await page.click('.checkpoint-choice:nth-child(2)');
  await page.waitForSelector('#checkpoint[data-answered="1"]');
  assert.equal(await page.$('#checkpoint-feedback'), null, 'no explanation before the run');
  await page.click('#play-pause-button');
  // The explanation comes once the boundary has bent, while training goes on.
  await page.waitForSelector('#checkpoint-feedback', { timeout: 120000 });
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-pressed'), 'true', 'no pause is needed');
  assert.ok(Number((await text(page, '#iter-number')).replace(/,/g, '')) >= 24, 'after the epochs that show the point');
  await page.click('#play-pause-button');
  const feedback = await page.textContent('#checkpoint-feedback');
  assert.match(feedback, /^No exactamente\. Solo una red sin capa oculta se limita a una recta/);
  assert.match(feedback, /la frontera se dobla/);
  assert.equal(await page.$eval('#checkpoint-feedback', (e) => e.dataset.right), 'false');
  // Kept in this browser: the same lesson opened again shows the answer.
  await page.click('#lesson-5');
  await page.click('#lesson-4');
  await page.waitForSelector('#checkpoint[data-answered="1"]');
  // A teacher hides it with the explanations.
  await page.click('#toggle-explanations');
  await page.waitForFunction(() => !document.querySelector('#checkpoint'));
  await s.close();
  const en = await open(browser, 'lang=en&hideText=true');
  await en.page.click('#lesson-1');
  await en.page.waitForSelector('#lesson-banner');
  assert.equal(await en.page.$('#checkpoint'), null);
  await en.close();
});
