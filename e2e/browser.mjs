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

/** The controls on the page, each with the box of it that shows (cut by any scrolling or clipping box around it). */
const CONTROLS = 'button, select, input, [role="button"], summary, a[href]';

/** Pairs of controls whose showing boxes meet (one inside the other does not count). */
export const meetingControls = (page) => page.evaluate((sel) => {
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    for (let a = e.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const q = a.getBoundingClientRect();
      if (cs.overflowX !== 'visible') { box.left = Math.max(box.left, q.left); box.right = Math.min(box.right, q.right); }
      if (cs.overflowY !== 'visible') { box.top = Math.max(box.top, q.top); box.bottom = Math.min(box.bottom, q.bottom); }
    }
    return box;
  };
  const boxes = [...document.querySelectorAll(sel)].filter((e) => getComputedStyle(e).visibility !== 'hidden')
    .map((e) => [e, shown(e)]).filter(([, b]) => b.right - b.left > 0.5 && b.bottom - b.top > 0.5);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (w > 0.5 && h > 0.5) out.push(`${a.id || a.className || a.tagName} ~ ${b.id || b.className || b.tagName}`);
  }
  return out;
}, CONTROLS);

/**
 * Controls of `within` (whole on screen and in their scrolling box) that do not own the 40 x 40
 * pixels around their centre: probed 19 pixels around it, another control answers.
 */
export const crowdedTargets = (page, within) => page.evaluate(([sel, within]) => {
  const out = [];
  const inside = (e, r) => {
    const box = e.closest('.network-scroll, ol');
    if (!box) return true;
    const q = box.getBoundingClientRect();
    return r.left >= q.left && r.right <= q.right;
  };
  for (const e of document.querySelector(within).querySelectorAll(sel)) {
    const r = e.getBoundingClientRect();
    if (!r.width || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth || !inside(e, r)) continue;
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
    // Under the phone's transport bar, say: not a control a finger reaches there.
    const top = document.elementFromPoint(cx, cy);
    if (!top || !(top === e || e.contains(top))) continue;
    for (const [dx, dy] of [[-19, 0], [19, 0], [0, -19], [0, 19], [-19, -19], [19, 19], [-19, 19], [19, -19]]) {
      const c = document.elementFromPoint(cx + dx, cy + dy)?.closest(sel);
      // The phone's transport bar stays fixed while the page scrolls under it.
      if (c?.closest('#mobile-transport')) continue;
      if (c && c !== e && !e.contains(c) && !c.contains(e)) { out.push(`${e.id || e.className} → ${c.id || c.className}`); break; }
    }
  }
  return out;
}, [CONTROLS, within]);

/** Fills what is left of this browser's storage for the page's origin, as a full disk would. */
export const fillStorage = (page) => page.evaluate(() => {
  let chunk = 'x'.repeat(1 << 20);
  for (let i = 0; chunk.length > 1; ) {
    try { localStorage.setItem(`filler-${i++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
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

/** A stroke on a canvas through points in its own units (0 to 1), by mouse, or by finger when
 * given a CDP session of the page (touch events as a phone sends them). */
export async function stroke(page, selector, points, touch = null) {
  const canvas = await page.$(selector);
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  const at = ([x, y]) => ({ x: b.x + x * b.width, y: b.y + y * b.height });
  if (touch) {
    const send = (type, p) => touch.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
    await send('touchStart', at(points[0]));
    for (const p of points.slice(1)) await send('touchMove', at(p));
    await send('touchEnd');
  } else {
    await page.mouse.move(at(points[0]).x, at(points[0]).y);
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(at(p).x, at(p).y, { steps: 2 });
    await page.mouse.up();
  }
}
