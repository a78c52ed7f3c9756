// End-to-end: the class loop without a server. A student hands in a code; the teacher's board
// computes each result again and catches a changed one; a worksheet's QR code opens the
// exercise; pictures and animations of a run are saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import jsQR from 'jsqr';
import { launch, open, closeAll, clean, seriousViolations, fillStorage } from './browser.mjs';
import { recode } from './handin.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const epoch = (page) => page.$eval('#iter-number', (e) => Number(e.textContent.replace(/,/g, '')));



/** What a QR code drawn on the canvas `selector` holds, read as a phone would. */
async function readQr(page, selector) {
  await page.waitForSelector(`${selector}[data-size]`);
  const { width, height, data } = await page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return { width: d.width, height: d.height, data: Array.from(d.data) };
  });
  const found = jsQR(Uint8ClampedArray.from(data), width, height);
  assert.ok(found, `the QR code in ${selector} reads`);
  return found.data;
}

/** Trains the XOR exercise (lesson 9) with three hidden neurons until its goal is met, and
 * hands it in as `name`: the code. */
async function handIn(page, name) {
  await page.click('#lesson-9');
  await page.waitForSelector('#handin-button');
  for (let i = 0; i < 2; i++) await page.click('.plus-minus button >> nth=0');
  await page.waitForFunction(() => document.querySelectorAll('.plus-minus button')[0].disabled);
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'true', null, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  await page.click('#handin-button');
  await page.click('#handin-make');
  assert.match(await page.textContent('#handin-message'), /Primero escribe tu nombre/, 'a name is asked for');
  await page.fill('#handin-name', name);
  await page.click('#handin-make');
  await page.waitForSelector('#handin-code');
  return page.$eval('#handin-code', (e) => e.value);
}

test('a student hands in a code; the board computes it again, catches a changed code, names a damaged one, keeps its rows and saves CSV', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 800 }, { permissions: ['clipboard-read', 'clipboard-write'], bypassCSP: true });
  const { page } = s;
  const code = await handIn(page, 'Ana López');
  assert.ok(code.startsWith('NRN1.') && code.length <= 2000, `${code.length} characters`);
  assert.equal(await page.$eval('#handin-code', (e) => Number(e.dataset.chars)), code.length);
  assert.match(await page.textContent('#handin-claim'), /Exactitud de prueba \d+\.\d% · Pérdida de prueba 0\.\d{4} · neuronas ocultas: 3 · Época \d+/);
  assert.equal(await readQr(page, '#handin-qr'), code, 'the QR code holds the code');
  await page.click('#handin-copy');
  await page.waitForFunction(() => document.querySelector('#handin-copied').textContent.includes('Copiado'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  assert.deepEqual(await seriousViolations(page), []);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#handin-panel', { state: 'detached' });
  await clean(s);

  // The teacher's board, from the exercise's own link.
  const boardLink = 'lang=es&dataset=xor&networkShape=1&learningRate=0.1&goal=accuracy:90&maxNeurons=3&board=true';
  const b = await open(browser, boardLink, { width: 1280, height: 800 }, { acceptDownloads: true, bypassCSP: true }, '#class-board');
  const damaged = code.slice(0, 40) + (code[40] === 'A' ? 'B' : 'A') + code.slice(41);
  const chat = `[10:41] Ana López: ${code}\n[10:42] Beto: ${recode(code, 'Beto', 1.0)}\n[10:43] Caro: ${damaged}\n[10:44] Ana López: ${code}`;
  await b.page.fill('#board-input', chat);
  await b.page.click('#board-add');
  await b.page.waitForSelector('#board-table[data-ms] tbody tr >> nth=1');
  const rows = await b.page.$$eval('#board-table tbody tr', (rs) => rs.map((r) => ({ ...r.dataset })));
  assert.equal(rows.length, 2, 'the same code twice is one row');
  const { epochDeclared, ...ana } = rows[0];
  assert.deepEqual(ana, { name: 'Ana López', claimed: rows[0].recomputed, recomputed: rows[0].recomputed, met: 'true', valid: 'true' });
  assert.match(epochDeclared, /^\d+$/, 'the epoch, as the code declares it');
  assert.equal(rows[1].name, 'Beto');
  assert.equal(rows[1].claimed, '100.0%');
  assert.equal(rows[1].recomputed, rows[0].recomputed, 'computed from the same weights');
  assert.deepEqual([rows[1].met, rows[1].valid], ['false', 'false']);
  assert.match(await b.page.textContent('#board-table tbody tr:nth-child(2)'), /el código fue alterado/);
  const errors = await b.page.$$eval('#board-errors li', (li) => li.map((l) => l.textContent));
  assert.equal(errors.length, 1);
  // Named by the student the code starts with and by who pasted it in the chat.
  assert.match(errors[0], /^Ana López · «\[10:43\] Caro:» \(NRN1\.\S+…\): dañado/);
  assert.deepEqual(await seriousViolations(b.page), []);
  // The rows stay in this browser.
  await b.page.reload();
  await b.page.waitForSelector('#board-table[data-ms] tbody tr >> nth=1');
  assert.equal(await b.page.$eval('#board-table', (t) => t.dataset.rows), '2');
  const [csv] = await Promise.all([b.page.waitForEvent('download'), b.page.click('#board-csv')]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(text, /^"Nombre","Neuronas ocultas","Época \(declarada\)"/);
  assert.equal(text.trim().split('\n').length, 3);
  // Text with no code in it says so.
  await b.page.fill('#board-input', 'hola, ¿ya entregaron?');
  await b.page.click('#board-add');
  assert.match(await b.page.textContent('#board-errors'), /no se encontró un código de entrega/);
  await b.page.click('#board-clear');
  await b.page.waitForFunction(() => document.querySelector('#board-table').dataset.rows === '0');
  // A board holds at most 200 codes, and says how many it left out.
  await b.page.fill('#board-input', Array.from({ length: 205 }, (_, i) => recode(code, `Estudiante ${i}`)).join(' '));
  await b.page.click('#board-add');
  await b.page.waitForFunction(() => document.querySelector('#board-table').dataset.rows === '200', null, { timeout: 30000 });
  assert.match(await b.page.textContent('#board-full'), /se dejaron fuera 5 códigos \(guarda a lo más 200\)/);
  await clean(b);
});

test('a worksheet from "Make an exercise" prints on one A4 or Letter page, and its QR code opens the exercise', async () => {
  const s = await open(browser, 'lang=en&dataset=circle&networkShape=2');
  const { page } = s;
  await page.click('#make-exercise');
  await page.selectOption('#exercise-goal-kind', 'test-loss');
  await page.fill('#exercise-goal-value', '0.1');
  await page.fill('#exercise-max-neurons', '4');
  await page.fill('#exercise-text', 'How few neurons make a circle?');
  await page.click('#exercise-apply');
  await page.click('#make-exercise');
  const href = await page.getAttribute('#exercise-worksheet', 'href');
  assert.match(await page.getAttribute('#exercise-board', 'href'), /board=true/);
  await s.close();
  const w = await open(browser, href, { width: 1280, height: 800 }, { bypassCSP: true }, '#worksheet');
  const { page: sheet } = w;
  assert.equal(await sheet.textContent('#worksheet-question'), 'How few neurons make a circle?');
  assert.match(await sheet.textContent('#worksheet-goal'), /test loss of at most 0\.1/);
  const url = await readQr(sheet, '#worksheet-qr');
  assert.equal(url, await sheet.textContent('#worksheet-link'));
  assert.ok(!url.includes('worksheet='), url);
  // The data it starts from is drawn.
  const drawn = await sheet.$eval('#worksheet-data', (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[i + 2]) > 60) coloured++;
    return coloured;
  });
  assert.ok(drawn > 200, `${drawn} coloured pixels`);
  assert.equal(await sheet.$eval('#worksheet', (e) => e.dataset.paper), 'letter', 'it opens on Letter (carta)');
  for (const format of ['Letter', 'A4']) {
    if (format === 'A4') await sheet.selectOption('#worksheet-paper', 'A4');
    const pdf = await sheet.pdf({ preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `one ${format} page`);
  }
  assert.deepEqual(await seriousViolations(sheet), []);
  await clean(w);
  // The QR code's link opens the exercise.
  const e = await open(browser, url.split('#')[1]);
  assert.equal(await e.page.textContent('#goal-text'), 'How few neurons make a circle?');
  assert.match(await e.page.textContent('#exercise-limits'), /at most 4 hidden neurons/);
  await clean(e);
});

test('a worksheet whose question is as long as the limit allows still prints on one page', async () => {
  const sentence = '¿Cuántas neuronas necesita la red para separar el círculo del anillo? Explica por qué. ';
  for (const chars of [250, 500]) {
    const question = encodeURIComponent(sentence.repeat(10).slice(0, chars));
    for (const hash of [`lang=es&dataset=circle&networkShape=2&goal=accuracy:90&goalText=${question}&worksheet=true`,
      `lang=es&dataset=logic-and&networkShape=&output=step&maxEpochs=0&goal=accuracy:100&goalText=${question}&worksheet=true`]) {
      const w = await open(browser, hash, { width: 1280, height: 800 }, { bypassCSP: true }, '#worksheet');
      assert.equal((await w.page.textContent('#worksheet-question')).length, chars);
      for (const format of ['letter', 'A4']) {
        await w.page.selectOption('#worksheet-paper', format);
        const pdf = await w.page.pdf({ preferCSSPageSize: true });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
        assert.equal(pages, 1, `${chars} characters on ${format}: ${hash.slice(0, 40)}`);
      }
      await clean(w);
    }
  }
});

test('a worksheet of weights set by hand has blanks for W and b; a setup too long for one QR code says so', async () => {
  const s = await open(browser, 'lang=es&dataset=logic-and&networkShape=&output=step&maxEpochs=0&goal=accuracy:100&worksheet=true', { width: 820, height: 1180 }, { hasTouch: true, isMobile: true }, '#worksheet');
  await s.page.waitForSelector('#worksheet-weights');
  const line = await s.page.textContent('#worksheet-weights .weights-line');
  assert.match(line, /Salida: w\(X₁\) =\s*w\(X₂\) =\s*b =/);
  await clean(s);
  const points = Array.from({ length: 150 }, (_, i) => `${(i % 12) - 5.75},${Math.floor(i / 12) - 5.25},${i % 2 ? 1 : -1}`).join(';');
  const big = await open(browser, `lang=en&dataset=custom&points=${points}&goal=accuracy:90&worksheet=true`, { width: 1280, height: 800 }, {}, '#worksheet');
  await big.page.waitForSelector('#worksheet-qr-too-large');
  assert.match(await big.page.textContent('#worksheet-qr-too-large'), /too long for one QR code/);
  await clean(big);
});

test('a picture of the run with its caption, and an animation drawn from the kept weights with a progress bar', async () => {
  const s = await open(browser, 'lang=en&dataset=xor&networkShape=4&learningRate=0.1', { width: 1280, height: 800 }, { acceptDownloads: true });
  const { page } = s;
  // Too short a run to animate.
  await page.click('#export-gif');
  await page.waitForFunction(() => document.querySelector('#export-message').textContent.includes('at least 10 epochs'));
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) >= 300);
  await page.click('#play-pause-button');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const image = fs.readFileSync(await png.path());
  assert.equal(image.subarray(1, 4).toString(), 'PNG');
  const [w, h] = [image.readUInt32BE(16), image.readUInt32BE(20)];
  assert.ok(w > 1000 && h > 800, `${w} x ${h}`);
  const seen = page.waitForSelector('#export-progress', { timeout: 10000 });
  const [gif] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-gif')]);
  await seen;
  const bytes = fs.readFileSync(await gif.path());
  assert.equal(bytes.subarray(0, 6).toString(), 'GIF89a');
  const frames = bytes.toString('latin1').split('\x21\xf9\x04').length - 1;
  assert.ok(frames >= 10 && frames <= 100, `${frames} frames`);
  assert.ok(bytes.length <= 5e6, `${bytes.length} bytes`);
  assert.equal(await page.$eval('#export-gif', (e) => Number(e.dataset.frames)), frames);
  assert.match(await page.textContent('#export-message'), new RegExp(`Animation saved: ${frames} frames`));
  assert.ok(await epoch(page) >= 300, 'the run is as it was');
  await clean(s);
});

test('two tabs of one board keep each other\'s codes, a full browser says the codes are not kept, and a flood of bad codes is listed in twenty lines and counted', async () => {
  const s = await open(browser, 'lang=es', { width: 1280, height: 800 }, { bypassCSP: true });
  const code = await handIn(s.page, 'Ana');
  await clean(s);
  const boardLink = 'lang=es&dataset=xor&networkShape=1&learningRate=0.1&goal=accuracy:90&maxNeurons=3&board=true';
  const a = await open(browser, boardLink, { width: 1280, height: 800 }, { bypassCSP: true }, '#class-board');
  const tabB = await a.page.context().newPage();
  await tabB.goto(a.base + '#' + boardLink);
  await tabB.waitForSelector('#class-board');
  const add = async (page, text) => { await page.fill('#board-input', text); await page.click('#board-add'); };
  await add(a.page, recode(code, 'Ana'));
  await add(a.page, recode(code, 'Bea'));
  await add(tabB, recode(code, 'Cruz'));
  // Each tab shows all three, and a reload keeps all three.
  for (const page of [a.page, tabB]) await page.waitForFunction(() => document.querySelector('#board-table[data-ms]')?.dataset.rows === '3');
  await a.page.reload();
  await a.page.waitForFunction(() => document.querySelector('#board-table[data-ms]')?.dataset.rows === '3');
  const names = await a.page.$$eval('#board-table tbody tr', (rs) => rs.map((r) => r.dataset.name).sort());
  assert.deepEqual(names, ['Ana', 'Bea', 'Cruz']);
  await tabB.close();
  // A hundred bad codes: twenty lines, and the rest counted.
  await add(a.page, Array.from({ length: 100 }, (_, i) => `NRN1.roto${i}x`).join(' '));
  assert.equal(await a.page.$eval('#board-errors', (e) => e.dataset.count), '100');
  assert.equal(await a.page.$$eval('#board-errors li', (l) => l.length), 21);
  assert.match(await a.page.textContent('#board-errors-more'), /y 80 códigos más/);
  // The browser's storage full: the board says at once that its codes are not kept.
  await fillStorage(a.page);
  await add(a.page, recode(code, 'Dani'));
  await a.page.waitForSelector('#board-not-kept');
  assert.match(await a.page.textContent('#board-not-kept'), /no pudo guardar los códigos/);
  await a.page.evaluate(() => localStorage.clear());
  await clean(a);
});

test('an open exercise keeps what it measures: its problem type, output and loss cannot be changed while it is open', async () => {
  const s = await open(browser, 'lang=es');
  const { page } = s;
  assert.equal(await page.$eval('#problem', (e) => e.matches(':disabled')), false, 'free outside an exercise');
  await page.click('#lesson-11');
  await page.waitForSelector('#hint-button');
  assert.equal(await page.$eval('#problem', (e) => e.matches(':disabled')), true);
  for (const id of ['#loss', '#output']) {
    const select = await page.$(id);
    if (select) assert.equal(await select.evaluate((e) => e.matches(':disabled')), true, id);
  }
  await clean(s);
});

test('a genuine hand-in with its own feature is trusted on its board, computed again with its formula', async () => {
  const link = 'lang=es&dataset=xor&networkShape=1&learningRate=0.1&goal=accuracy:90&maxNeurons=3&customFeature=x1*x2&x=false&y=false';
  const s = await open(browser, link, { width: 1280, height: 800 }, { bypassCSP: true });
  const { page } = s;
  await page.click('#play-pause-button');
  await page.waitForFunction(() => document.querySelector('#goal-status').dataset.met === 'true', null, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('#play-pause-button').getAttribute('aria-pressed') === 'false');
  await page.click('#handin-button');
  await page.fill('#handin-name', 'Flor');
  await page.click('#handin-make');
  await page.waitForSelector('#handin-code');
  const code = await page.$eval('#handin-code', (e) => e.value);
  await clean(s);
  const b = await open(browser, link + '&board=true', { width: 1280, height: 800 }, { bypassCSP: true }, '#class-board');
  await b.page.fill('#board-input', code);
  await b.page.click('#board-add');
  await b.page.waitForSelector('#board-table[data-ms] tbody tr');
  const row = await b.page.$eval('#board-table tbody tr', (r) => ({ ...r.dataset }));
  assert.equal(row.recomputed, row.claimed, "computed again as the student's page measured it");
  assert.deepEqual([row.met, row.valid], ['true', 'true']);
  await clean(b);
});

test('the board and the worksheet come in a module of their own: the playground never loads it, a link turned to the board opens it, and a module that cannot be had is named', async () => {
  const s = await open(browser, 'lang=es&dataset=xor&networkShape=3&goal=accuracy:90');
  const { page } = s;
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const first = await loaded();
  assert.ok(first.some((p) => /\/neurona-[0-9a-f]+_bg\.wasm$/.test(p)), first.join(' '));
  assert.ok(!first.some((p) => p.includes('teacher')), `the playground loads no part of the board: ${first.join(' ')}`);
  // The same link turned to the board in the address bar: the board, with the link's exercise.
  await page.evaluate(() => { location.hash = `${location.hash.slice(1)}&board=true`; });
  await page.waitForSelector('#class-board');
  assert.equal(await page.locator('#heatmap').count(), 0, 'the playground is gone');
  assert.ok((await loaded()).some((p) => p.endsWith('/teacher_bg.wasm')));
  assert.match(await page.textContent('#class-board'), /Tablero de la clase/);
  // And back to the playground.
  await page.evaluate(() => { location.hash = location.hash.replace('&board=true', ''); });
  await page.waitForSelector('#heatmap canvas');
  assert.equal(await page.locator('#class-board').count(), 0);
  assert.deepEqual(s.errors, []);
  await s.close();

  // Offline before the first visit: the board's module cannot be had, and the page says so.
  const { serve } = await import('./server.mjs');
  const { DIST } = await import('./browser.mjs');
  const server = await serve(DIST);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const board = await context.newPage();
  await board.route(/teacher(_loader)?(\.js|_bg\.wasm)/, (r) => r.abort());
  await board.goto(`http://127.0.0.1:${server.address().port}/#lang=es&board=true`);
  await board.waitForFunction(() => document.body.textContent.includes('No se pudo cargar esta página'));
  await context.close();
  server.close();
});
