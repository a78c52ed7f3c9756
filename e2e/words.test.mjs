// End-to-end: the picture in words, for a screen reader (#heatmap-description): written when
// training pauses and when asked, never at every frame, and saying what the picture shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, clean, seriousViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

/** Each of the 3 x 3 regions of the output picture: the share of its pixels that are blue. */
const blueShares = (page) => page.$eval('#heatmap-canvas', (c) => {
  const g = c.getContext('2d');
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const shares = [];
  for (let r = 0; r < 9; r++) {
    const [x0, y0] = [Math.floor((r % 3) * c.width / 3), Math.floor(Math.floor(r / 3) * c.height / 3)];
    let blue = 0, all = 0;
    for (let y = y0; y < y0 + Math.floor(c.height / 3); y++) {
      for (let x = x0; x < x0 + Math.floor(c.width / 3); x++) {
        const i = 4 * (y * c.width + x);
        blue += d[i + 2] > d[i] ? 1 : 0;
        all += 1;
      }
    }
    shares.push(blue / all);
  }
  return shares;
});

test('paused, the picture is described in words that match it: the task, the epoch, the losses, and each region\'s class; asked again, what changed', async () => {
  const s = await open(browser, 'lang=es&dataset=circle', { width: 1280, height: 720 }, { bypassCSP: true });
  const { page } = s;
  await page.click('#play-pause-button');
  await page.waitForFunction(() => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) > 150);
  await page.click('#play-pause-button');
  await page.waitForFunction(() => /Época/.test(document.querySelector('#heatmap-description')?.textContent ?? ''));
  const words = await page.textContent('#heatmap-description');
  assert.match(words, /Tarea: separar los puntos de «Círculo» en 2 clases\./);
  const epoch = Number((await page.textContent('#iter-number')).replace(/,/g, ''));
  assert.match(words, new RegExp(`Época ${epoch}\\. Pérdida de prueba ${(await page.textContent('#loss-test')).trim()}`));
  assert.match(words, /Exactitud de prueba por clase: naranja \d+ %, azul \d+ %\./);
  const regions = await page.$$eval('#heatmap-regions td', (t) => t.map((e) => e.textContent));
  assert.equal(regions.length, 9);
  assert.match(regions[0], /^arriba a la izquierda: /);
  assert.match(regions[4], /^en el centro: azul$/, 'the inner circle is blue');
  // Each region's words are its colour on the picture, where the picture is clear about it.
  const shares = await blueShares(page);
  regions.forEach((r, i) => {
    if (Math.abs(shares[i] - 0.5) > 0.15) assert.equal(r.endsWith('azul'), shares[i] > 0.5, `${r} (blue ${shares[i].toFixed(2)})`);
  });
  // Asked again with nothing trained since: nothing changed, and it says so.
  await page.click('#describe-map');
  await page.waitForSelector('#heatmap-changed');
  assert.equal(await page.textContent('#heatmap-changed'), 'Nada cambió desde la última descripción.');
  assert.deepEqual(await seriousViolations(page), []);
  await clean(s);
});
