// Offline and installable (issue 10): an Astro integration that, after the static build, writes
// the web app manifest and its icons and generates a Workbox service worker (workbox-build's
// generateSW) over the built files. @vite-pwa/astro would do the same but its peer range stops at
// Astro 5; generateSW over dist is what it runs underneath.
//
// Precached (the whole course after one visit): every page, the CSS and JS chunks (widgets, tfjs,
// workers), KaTeX's woff2 fonts, the wasm binaries, the data sets (/data/*.bin), the trained models
// (/models/**), Pagefind's search index and the manifest and icons. Navigations are served from
// the precache (directoryIndex: /foundations/x/ → /foundations/x/index.html), so offline works for
// every page.
// The new service worker does not take over by itself (no skipWaiting): the page shows
// "A new version is available — Reload" (register.ts), so a reader never runs a silently stale
// course, and never loses a page mid-use. Progress data lives in IndexedDB/localStorage, which a
// service worker update does not touch.
import type { AstroIntegration } from 'astro';
import { writeFile, readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const MANIFEST = {
  name: 'Neuronbook — deep learning in your browser',
  short_name: 'Neuronbook',
  description:
    'An interactive course on how neural networks work, with real models training in your browser.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0072b2',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    {
      src: '/icons/icon-maskable-512.png',
      sizes: '512x512',
      type: 'image/png',
      purpose: 'maskable',
    },
  ],
};

/** Files the service worker precaches, relative to dist. */
export const PRECACHE_GLOBS = [
  '**/*.html',
  '_astro/**/*.{js,css,wasm,woff2,svg,png,jpg,jpeg,webp,avif,gif}',
  'pagefind/**/*',
  'data/*.bin',
  'models/**/*',
  'favicon.svg',
  'manifest.webmanifest',
  'icons/*.png',
];

async function writeIcons(dir: string, logo: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await mkdir(join(dir, 'icons'), { recursive: true });
  const svg = await readFile(logo);
  for (const size of [192, 512]) {
    await sharp(svg, { density: 1200 })
      .resize(size, size, { fit: 'contain', background: '#ffffff' })
      .flatten({ background: '#ffffff' })
      .png()
      .toFile(join(dir, 'icons', `icon-${size}.png`));
  }
  // Maskable: the logo inside the central safe zone (80 %) on a full background.
  const inner = Math.round(512 * 0.6);
  const logoPng = await sharp(svg, { density: 1200 }).resize(inner, inner).png().toBuffer();
  await sharp({ create: { width: 512, height: 512, channels: 4, background: '#ffffff' } })
    .composite([{ input: logoPng, gravity: 'centre' }])
    .png()
    .toFile(join(dir, 'icons', 'icon-maskable-512.png'));
}

export default function pwa(): AstroIntegration {
  let logo = '';
  return {
    name: 'neuronbook-pwa',
    hooks: {
      'astro:config:done': ({ config }) => {
        logo = fileURLToPath(new URL('./src/assets/logo.svg', config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await writeFile(join(out, 'manifest.webmanifest'), JSON.stringify(MANIFEST, null, 2));
        await writeIcons(out, logo);
        const { generateSW } = await import('workbox-build');
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: PRECACHE_GLOBS,
          globIgnores: ['sw.js', 'workbox-*.js', '_bench/**'],
          swDest: join(out, 'sw.js'),
          // Large but finite: the digits data set and the tfjs wasm binaries are a few MB each.
          maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
          // Hashed file names under /_astro/ change with their content; no revision needed.
          dontCacheBustURLsMatching: /^_astro\//,
          directoryIndex: 'index.html',
          // Pages are served from the precache whatever the query string (widget state lives
          // in ?…; the page is the same file).
          ignoreURLParametersMatching: [/.*/],
          navigateFallback: '/404.html',
          navigateFallbackDenylist: [/^\/_bench\//],
          skipWaiting: false,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
        });
        for (const w of warnings) logger.warn(w);
        logger.info(`service worker: ${count} files precached (${(size / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
