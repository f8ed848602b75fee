// Drawing for the digits GAN: grey-scale images onto canvases (ink dark on a light ground in the
// light theme, light on dark in the dark theme). No training logic here.
import { GAN_SIDE } from '../../../lib/gan/digits/image.ts';

/** Draws `count` images (GAN_SIDE² values in 0–1 each) as a cols-wide grid onto `canvas`. */
export function drawImages(
  canvas: HTMLCanvasElement,
  images: Float32Array,
  count: number,
  cols: number,
  dark: boolean,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const S = GAN_SIDE;
  const rows = Math.ceil(count / cols);
  const img = ctx.createImageData(cols * S, rows * S);
  const d = img.data;
  d.fill(dark ? 0 : 255);
  for (let k = 0; k < count; k++) {
    const ox = (k % cols) * S;
    const oy = Math.floor(k / cols) * S;
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const v = Math.max(0, Math.min(1, images[k * S * S + y * S + x]!));
        const g = Math.round(dark ? v * 255 : 255 - v * 255);
        const o = 4 * ((oy + y) * cols * S + ox + x);
        d[o] = g;
        d[o + 1] = g;
        d[o + 2] = g;
        d[o + 3] = 255;
      }
    }
  }
  canvas.width = cols * S;
  canvas.height = rows * S;
  ctx.putImageData(img, 0, 0);
}
