// Launches Debian's Chromium through playwright-core, with no network beyond this machine.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const open_sessions = new Set();

/** Closes whatever a failed test left open. */
export async function closeAll() {
  for (const close of open_sessions) await close().catch(() => {});
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Serves dist/ and opens a page on it; collects console errors and off-host requests. */
export async function open(browser, hash = '', viewport = { width: 1280, height: 900 }, options = {}, ready = null) {
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  let closed = false;
  const close = async () => {
    open_sessions.delete(close);
    if (closed) return;
    closed = true;
    await context.close();
    server.close();
  };
  open_sessions.add(close);
  await page.goto(base + (hash ? '#' + hash.replace(/^#/, '') : ''));
  // A page other than the playground (the class board, a worksheet) is ready when it shows.
  if (ready) {
    await page.waitForSelector(ready);
    return { page, errors, foreign, base, close };
  }
  await page.waitForSelector('#heatmap canvas');
  await page.waitForFunction(() => document.querySelector('#loss-test')?.textContent.includes('.'));
  // The first picture comes from the worker a moment after the page's own figures.
  await page.waitForFunction(() => {
    const c = document.querySelector('#heatmap-canvas');
    return !c || c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1).data[3] > 0;
  });
  return { page, errors, foreign, base, close };
}

/** Clicks the step button `n` times and waits until the worker's epochs are on the page. */
export async function steps(page, n) {
  const read = () => page.$eval('#iter-number', (e) => Number(e.textContent.replace(/,/g, '')));
  const target = (await read()) + n;
  for (let i = 0; i < n; i++) await page.click('#next-step-button');
  await page.waitForFunction((t) => Number(document.querySelector('#iter-number').textContent.replace(/,/g, '')) === t, target);
}

/** The controls smaller than 40 x 40 pixels with no 40-pixel hit area around them. */
export const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('button, select, input, [role="button"], summary, a[href]')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.width >= 40 && r.height >= 40) continue;
    const hit = getComputedStyle(el, '::after');
    if (hit.content !== 'none' && parseFloat(hit.width) >= 40 && parseFloat(hit.height) >= 40) continue;
    const label = el.labels && [...el.labels].find((l) => l.getBoundingClientRect().height >= 40);
    if (label) continue;
    out.push(`${el.id || el.className || el.tagName} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
});

/**
 * What `read()` gives once `holds` is true of it, or its last value after `ms` milliseconds:
 * a picture the worker paints arrives a moment after the change that asked for it.
 */
export async function eventually(read, holds, ms = 5000) {
  const end = Date.now() + ms;
  let value = await read();
  while (!holds(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

/** Whether two pictures (lists of numbers, or hashes) are the same. */
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Checks the session met no console error and sent no request off the page, and closes it. */
export async function clean(session) {
  assert.deepEqual(session.errors, [], 'no console errors');
  assert.deepEqual(session.foreign, [], 'no request leaves the page');
  await session.close();
}

const axeSource = fs.readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** The violations of impact serious or critical that axe-core finds on the page as it is
 * (the page's context opened with `bypassCSP`, as axe-core is injected). */
export async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
