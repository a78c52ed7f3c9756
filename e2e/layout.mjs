// Measures what a class sees without scrolling: the share of the output picture on screen,
// and whether Play and the network are there too, for several screens and setups; then takes
// a screenshot of each. node e2e/layout.mjs [out-dir]
import { launch, open } from './browser.mjs';

const out = process.argv[2] || '/tmp/neurona-layout';
const screens = [[1280, 720], [1366, 768], [1536, 864], [1440, 900], [1920, 1080], [820, 1180, true], [390, 844, true]];
const setups = {
  default: 'lang=es',
  'XOR lesson (4)': 'lang=es',
  'exercise open': 'lang=es',
};
const browser = await launch();
const { mkdirSync } = await import('node:fs');
mkdirSync(out, { recursive: true });
console.log('| screen | ' + Object.keys(setups).join(' | ') + ' |');
for (const [width, height, touch] of screens) {
  const row = [];
  for (const [name, hash] of Object.entries(setups)) {
    const s = await open(browser, hash, { width, height }, touch ? { hasTouch: true, isMobile: true } : {});
    const { page } = s;
    if (name.startsWith('XOR')) await page.click('#lesson-4');
    if (name.startsWith('exercise')) await page.click('#lesson-9');
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const vh = innerHeight, vw = innerWidth;
      const r = (sel) => document.querySelector(sel)?.getBoundingClientRect();
      const h = r('#heatmap');
      const visible = h ? Math.max(0, Math.min(h.bottom, vh) - Math.max(h.top, 0)) * Math.max(0, Math.min(h.right, vw) - Math.max(h.left, 0)) / (h.width * h.height) : 0;
      const play = innerWidth < 700 ? r('#mobile-play') : r('#play-pause-button');
      const net = r('#network');
      return { visible, size: h ? Math.round(h.width) : 0, heatTop: h ? Math.round(h.top) : 0, heatBottom: h ? Math.round(h.bottom) : 0,
        play: play && play.top >= 0 && play.bottom <= vh, network: net && net.top >= 0 && net.top < vh - 40 };
    });
    row.push(`${Math.round(m.visible * 100)}% (${m.size}px, y ${m.heatTop}-${m.heatBottom}${m.play ? '' : ', Play off'}${m.network ? '' : ', network off'})`);
    await page.screenshot({ path: `${out}/${width}x${height}-${name.split(' ')[0]}.png` });
    await s.close();
  }
  console.log(`| ${width} x ${height} | ${row.join(' | ')} |`);
}
await browser.close();
