// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { sidebar } from './src/lib/course/sidebar-node.ts';
import { remarkNotebook } from './src/lib/notebook/remark.ts';
import pwa from './src/pwa/integration.ts';
import digitsData from './src/integrations/digits-data.ts';

// KaTeX is rendered at build time by rehype-katex with the project's KaTeX (package.json
// `overrides`: rehype-katex 7 would bring KaTeX 0.16, whose class names the shipped 0.19 CSS renamed);
// its CSS and fonts are bundled from the katex package by Vite, so no request ever leaves the site.
// NB_OUT_DIR / NB_CACHE_DIR let several builds run side by side (tests/e2e reads the same
// variable); both default to Astro's usual places.
const outDir = process.env.NB_OUT_DIR ?? './dist';
const cacheDir = process.env.NB_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site: 'http://localhost:4321',
  outDir,
  cacheDir,
  markdown: {
    processor: unified({
      // remarkNotebook turns fenced ```js blocks inside <Notebook> into its cells.
      remarkPlugins: [remarkMath, remarkNotebook],
      rehypePlugins: [rehypeKatex],
    }),
  },
  integrations: [
    digitsData(),
    starlight({
      title: 'Neuronbook',
      description:
        'An interactive course on how neural networks work, with real models training in your browser.',
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      // Installable (src/pwa/integration.ts writes the manifest and icons at build time).
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0072b2' } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/icon-192.png' } },
      ],
      customCss: ['katex/dist/katex.min.css', './src/styles/course.css'],
      sidebar,
      components: {
        Search: './src/components/overrides/Search.astro',
        ThemeProvider: './src/components/overrides/ThemeProvider.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
        TableOfContents: './src/components/overrides/TableOfContents.astro',
        MobileTableOfContents: './src/components/overrides/MobileTableOfContents.astro',
      },
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
    pwa(),
  ],
  vite: {
    worker: { format: 'es' },
  },
});
