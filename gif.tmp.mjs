import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 640, height: 360 } });
await p.goto('file:///tmp/map.gif');
await p.waitForTimeout(300);
await p.screenshot({ path: '/tmp/gif-early.png' });
await b.close();
