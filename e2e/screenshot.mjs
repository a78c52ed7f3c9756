// Takes a screenshot of the playground: node e2e/screenshot.mjs out.png [hash] [width] [height] [epochs]
import { launch, open, steps } from './browser.mjs';

const [out = 'screenshot.png', hash = '', width = '1280', height = '900', epochs = '0'] = process.argv.slice(2);
const browser = await launch();
const session = await open(browser, hash, { width: Number(width), height: Number(height) });
await steps(session.page, Number(epochs));
await session.page.waitForTimeout(300);
await session.page.screenshot({ path: out, fullPage: true });
if (session.errors.length) console.error('console errors:', session.errors);
await session.close();
await browser.close();
