// Trunk post-build hook: writes the service worker (sw.js) that keeps this build for
// offline use. Its cache is named by a hash of every file of the build, so a new build
// makes a new cache and the old ones are removed when it takes over; Trunk's hashed names
// do the rest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('offline.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}
const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && fs.statSync(path.join(dir, f)).isFile()).sort();
const digest = crypto.createHash('sha256');
for (const f of files) digest.update(f).update(fs.readFileSync(path.join(dir, f)));
const cache = `neurona-${digest.digest('hex').slice(0, 16)}`;
const assets = ['./', ...files.map((f) => `./${f}`)];

const sw = `// Keeps this build of Neurona for offline use (written by scripts/offline.mjs).
const CACHE = ${JSON.stringify(cache)};
const ASSETS = ${JSON.stringify(assets)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('neurona-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Files named by their content's hash never change: from the cache first. The page and the
// few files with fixed names (the worker's) from the network when there is one, so that a
// new build is seen whole, else from the cache.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const cached = () => caches.match(request.mode === 'navigate' ? './' : request, { cacheName: CACHE, ignoreSearch: true });
  if (HASHED.test(url.pathname)) {
    event.respondWith(cached().then((hit) => hit || fetch(request)));
  } else {
    event.respondWith(fetch(request).catch(() => cached().then((hit) => hit || Response.error())));
  }
});
`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
