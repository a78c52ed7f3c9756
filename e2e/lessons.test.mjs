// End-to-end: each of the lecture's eight lessons, and the two on the club's satellite data,
// shows its point on the screen a class uses, in Spanish, on a 1280 x 720 laptop and a
// 390 x 844 phone. The student answers the question
// and presses Play; while it trains, the picture, Play, the epoch, the loss the caption names
// and the loss chart stay fully on screen, and the explanation arrives without a pause (the
// early-stopping lesson stops itself, the dropout lesson pauses for the class to look). For
// lessons 6 and 7 what the chart shows agrees with the caption. No time is asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, closeAll, clean } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await closeAll(); await browser?.close(); });

const LESSONS = ['OrOneNeuron', 'AndByHand', 'XorOneNeuron', 'XorHiddenLayer', 'CrossEntropy', 'EarlyStopping', 'Dropout', 'ThreeClasses', 'Infrared', 'FourSurfaces'];
const SCREENS = [{ width: 1280, height: 720, phone: false }, { width: 390, height: 844, phone: true }];

/** The share (0-100) of each element's box inside the part of the viewport nothing fixed covers. */
const shares = (page, selectors) => page.evaluate((selectors) => {
  const bar = document.querySelector('#mobile-transport');
  const barTop = bar && bar.getBoundingClientRect().height > 0 ? bar.getBoundingClientRect().top : innerHeight;
  const out = {};
  for (const [name, sel] of Object.entries(selectors)) {
    const e = document.querySelector(sel);
    if (!e) { out[name] = -1; continue; }
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) { out[name] = 0; continue; }
    const bottom = e.closest('#mobile-transport') ? innerHeight : barTop;
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, bottom) - Math.max(r.top, 0));
    out[name] = Math.round(100 * w * h / (r.width * r.height));
  }
  return out;
}, selectors);

const number = (page, sel) => page.$eval(sel, (e) => Number(e.textContent.replace(/[^0-9.]/g, '')));

/**
 * The loss chart's validation curves as drawn: for each colour, the height (0 at the bottom of
 * the plot, 1 at its top) of the curve in each pixel column of the plot, or null where none.
 */
const curves = (page) => page.$eval('#loss-chart', (c) => {
  const ratio = c.width / 300;
  const [x0, x1, y0, y1] = [34, 292, 6, 82].map((v) => Math.round(v * ratio));
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const near = (i, [r, g, b]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 60;
  const colours = { val: [8, 119, 189], secondVal: [204, 121, 167] };
  const out = { ratio, x0, x1 };
  for (const [name, rgb] of Object.entries(colours)) {
    const column = [];
    for (let x = x0; x <= x1; x++) {
      let found = [];
      for (let y = y0; y <= y1; y++) if (near((y * c.width + x) * 4, rgb)) found.push(y);
      column.push(found.length ? found : null);
    }
    out[name] = column.map((ys) => ys && { top: (y1 - Math.min(...ys)) / (y1 - y0), n: ys.length, mid: (y1 - ys[ys.length >> 1]) / (y1 - y0) });
  }
  return out;
});

for (const screen of SCREENS) {
  for (const lesson of LESSONS) {
    test(`${lesson} at ${screen.width} x ${screen.height}: the picture, the loss it names and the chart stay on screen, and the explanation comes`, async () => {
      const s = await open(browser, 'lang=es', { width: screen.width, height: screen.height }, screen.phone ? { hasTouch: true, isMobile: true } : {});
      const { page } = s;
      const tapOrClick = (sel) => (screen.phone ? page.tap(sel) : page.click(sel));
      await tapOrClick(`#lesson-bar [data-lesson="${lesson}"]`);
      await page.waitForFunction(() => document.querySelector('#iter-number').textContent === '000,000');
      // Predict: the first answer.
      await tapOrClick('#checkpoint .checkpoint-choice');
      await page.waitForSelector('#checkpoint[data-answered="0"]');
      const named = await page.$('#loss-val') ? 'val' : 'test';
      const selectors = screen.phone
        ? { picture: '#heatmap', play: '#mobile-play', epoch: '#mobile-epoch', loss: named === 'val' ? '#mobile-loss-val' : '#mobile-loss', chart: '#loss-chart' }
        : { picture: '#heatmap', play: '#play-pause-button', epoch: '#iter-number', loss: named === 'val' ? '#loss-val' : '#loss-test', chart: '#loss-chart' };
      const line = () => page.$eval('#tlu-w1', (e) => e.value).catch(() => null);
      const lineBefore = await line();
      await tapOrClick(screen.phone ? '#mobile-play' : '#play-pause-button');
      let looks = 0;
      let playingWhenExplained = null;
      for (;;) {
        const seen = await shares(page, selectors);
        looks++;
        for (const [name, share] of Object.entries(seen)) assert.ok(share >= 99, `${lesson}: ${name} ${share}% on screen at look ${looks}: ${JSON.stringify(seen)}`);
        const feedback = await page.$('#checkpoint-feedback');
        if (feedback) {
          playingWhenExplained = (await page.getAttribute(selectors.play, 'aria-pressed')) === 'true';
          break;
        }
        assert.ok(looks < 800, `${lesson}: the explanation came (epoch ${await page.textContent('#iter-number')})`);
        await page.waitForTimeout(250);
      }
      assert.ok(looks >= 2, `${lesson}: watched while it trained (${looks} looks)`);
      const epoch = await number(page, '#iter-number');
      // XOR's threshold unit moves its line for a minute within its first epoch: it trained when
      // the line moved.
      assert.ok(epoch > 0 || (lineBefore !== null && (await line()) !== lineBefore), `${lesson}: it trained`);
      if (lesson === 'EarlyStopping') {
        // The stop is the point: the run stopped itself, and the screen describes the best epoch.
        const best = Number(await page.getAttribute('#early-stop', 'data-best-epoch'));
        const stopped = Number(await page.getAttribute('#early-stop', 'data-stopped-epoch'));
        assert.ok(best >= 20 && stopped === best + 250, `best ${best}, stopped ${stopped}`);
        assert.equal(epoch, best, 'the counter shows the epoch whose weights are shown');
        assert.match(await page.textContent('#early-stop'), new RegExp(`época ${best}\\b[^]*época ${stopped}\\b`));
        // The chart: the validation loss rises after the best epoch by at least a tenth of the
        // chart's height before the stop, and the best epoch is marked.
        const c = await curves(page);
        const span = c.x1 - c.x0;
        const bestColumn = Math.round(((best - 1) / (stopped - 1)) * span);
        const mark = Math.max(...[-1, 0, 1].map((d) => c.val[bestColumn + d]?.n ?? 0));
        assert.ok(mark > 0.3 * (82 - 6) * c.ratio, `the best epoch is marked with a line: ${mark} pixels`);
        const at = (i) => c.val.slice(i - 2, i + 3).filter((p) => p && p.n < 10).map((p) => p.mid)[0];
        const afterBest = at(bestColumn + 6);
        const highest = Math.max(...c.val.slice(bestColumn + 6, span - 1).filter((p) => p && p.n < 10).map((p) => p.mid));
        assert.ok(afterBest !== undefined && highest - afterBest >= 0.1, `the validation loss rises ${((highest - afterBest) * 100).toFixed(0)}% of the chart`);
        await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-pressed') === 'false', selectors.play);
      } else if (lesson === 'Dropout') {
        // The lesson pauses at epoch 500 with both runs on the chart: with dropout (A) the
        // validation loss ends lower than without (B), in the numbers and in the curves.
        assert.ok(epoch >= 500, `explained at ${epoch}`);
        await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-pressed') === 'false', selectors.play);
        const a = await number(page, '#loss-val');
        const b = await number(page, '#compare-loss-val');
        assert.ok(a < b, `validation loss with dropout ${a}, without ${b}`);
        const c = await curves(page);
        const end = (series) => series.slice(-8).filter((p) => p && p.n < 10).map((p) => p.mid).pop();
        assert.ok(end(c.val) !== undefined && end(c.secondVal) !== undefined, 'both validation curves are drawn');
        assert.ok(end(c.val) < end(c.secondVal), `A's curve ends below B's: ${end(c.val)} vs ${end(c.secondVal)}`);
        const compare = await shares(page, { b: '#compare-loss-val' });
        if (!screen.phone) assert.ok(compare.b >= 99, 'B\'s validation loss is on screen');
      } else {
        assert.equal(playingWhenExplained, true, `${lesson}: the explanation came while training went on`);
      }
      assert.ok((await page.textContent('#checkpoint-feedback')).trim().length > 40, 'the explanation is written out');
      await clean(s);
    });
  }
}
