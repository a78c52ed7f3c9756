// Random use of the page while it trains, as a tester would: clicks on any visible control,
// choices in any select, keys, resizes; the page must never panic or log an error.
// node e2e/monkey.mjs [actions per run] [runs]   (after `trunk build --release --features test-hooks`)
import { launch, open } from './browser.mjs';

/** Runs `count` random actions with the seed `seed`; returns what went wrong. */
export async function monkey(browser, count, seed) {
  let state = seed >>> 0;
  const random = (n) => { state = (state * 1664525 + 1013904223) >>> 0; return state % n; };
  const hashes = ['lang=es', 'networkShape=4,2&backprop=true', 'dataset=logic-or&networkShape=&x=true&y=false&output=step', 'lang=en&dataset=blobs&classes=3&output=softmax&loss=softmax-ce'];
  const s = await open(browser, hashes[random(hashes.length)], { width: 1366, height: 768 });
  const { page } = s;
  page.on('dialog', (d) => d.dismiss());
  page.on('download', () => {});
  await page.click('#play-pause-button');
  for (let i = 0; i < count; i++) {
    const kind = random(10);
    try {
      if (kind < 6) {
        const handles = await page.$$('button:visible, [role="button"]:visible, input[type="checkbox"]:visible');
        const usable = [];
        for (const h of handles) if (!(await h.evaluate((e) => e.disabled || e.id === 'panic-reload'))) usable.push(h);
        if (usable.length) await usable[random(usable.length)].click({ timeout: 500, force: true });
      } else if (kind < 8) {
        const selects = await page.$$('select:visible');
        if (selects.length) {
          const sel = selects[random(selects.length)];
          const values = await sel.evaluate((e) => [...e.options].map((o) => o.value));
          if (values.length) await sel.selectOption(values[random(values.length)], { timeout: 500 });
        }
      } else if (kind < 9) {
        await page.keyboard.press(['Space', 'ArrowRight', 'ArrowLeft', 'r', 'b', 'Escape', '?', 'Enter'][random(8)]);
      } else {
        const ranges = await page.$$('input[type="range"]:visible');
        if (ranges.length) {
          const r = ranges[random(ranges.length)];
          await r.evaluate((e, f) => { e.value = String(Number(e.min) + f * (Number(e.max) - Number(e.min))); e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true })); }, random(101) / 100);
        }
      }
    } catch (e) {
      // A control that moved or went away between finding and clicking: try another.
    }
    if (await page.$('#panic')) break;
  }
  const panic = await page.$('#panic') ? await page.textContent('#panic') : null;
  const problems = { panic, errors: s.errors.filter((e) => !e.includes('deliberate')), foreign: s.foreign };
  await s.close();
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] || 1000);
  const runs = Number(process.argv[3] || 3);
  const browser = await launch();
  for (let run = 1; run <= runs; run++) {
    const problems = await monkey(browser, count, run);
    console.log(`run ${run}: ${count} actions: ${problems.panic ? 'PANIC ' + problems.panic.slice(0, 300) : 'no panic'}; console errors ${problems.errors.length}${problems.errors.length ? ': ' + problems.errors.slice(0, 3).join(' | ') : ''}`);
  }
  await browser.close();
}
