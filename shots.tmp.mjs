import { launch, open, clean } from './e2e/browser.mjs';
import fs from 'node:fs';
const browser = await launch();
for (const [w, h, touch, name] of [[1280, 720, false, 'lap'], [390, 844, true, 'phone'], [1920, 1080, false, 'hd']]) {
  const s = await open(browser, 'lang=es', { width: w, height: h }, touch ? { hasTouch: true, isMobile: true, acceptDownloads: true } : { acceptDownloads: true });
  const { page } = s;
  await page.click('#lesson-14');
  await page.waitForSelector('#scene-view');
  await page.click('#feature-y');
  await page.waitForTimeout(500);
  await page.click(touch ? '#mobile-play' : '#play-pause-button');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/ex-${name}.png` });
  if (name === 'lap') {
    await page.click('#play-pause-button').catch(() => {});
    const [gif] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-gif')]);
    fs.copyFileSync(await gif.path(), '/tmp/map.gif');
  }
  await clean(s);
}
await browser.close();
