// Drawing for the Playground: the network diagram (SVG links + one canvas map per node), the
// output heatmap and points (canvas), and the loss curves (the shared curves view). Views draw
// what they are given; they never train or compute the network.
import {
  classPixels,
  divergingPixels,
  maxAbs,
  parseColor,
  probabilityPixels,
  type Palette,
  type Rgb,
} from '../../../lib/playground/colors.ts';
import type { Task } from '../../../lib/playground/datasets.ts';
import type { LabelledPoint } from '../../../lib/playground/datasets.ts';
import type { LinkLine, NetworkLayout, NodeBox } from '../../../lib/playground/network-view.ts';
import { curvesViewModel } from '../../../lib/viz/curves.ts';
import type { LossPoint } from '../../../lib/playground/trainer.ts';
import { drawCurves } from '../shared/curves-view.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Reads the theme's colours from CSS variables, resolved to rgb() through a hidden probe element
 * inside `el` (custom properties can hold any colour syntax; the `color` property cannot).
 */
export function readPalette(el: Element): Palette {
  const probe =
    el.querySelector<HTMLElement>(':scope > .pg-probe') ?? document.createElement('span');
  if (!probe.isConnected) {
    probe.className = 'pg-probe';
    probe.setAttribute('aria-hidden', 'true');
    el.append(probe);
  }
  const get = (name: string, fallback: string): Rgb => {
    probe.style.color = `var(${name}, ${fallback})`;
    return parseColor(getComputedStyle(probe).color) ?? parseColor(fallback)!;
  };
  return {
    negative: get('--nb-class-0', '#005a8c'),
    positive: get('--nb-class-1', '#a84600'),
    third: get('--nb-series-3', '#00735a'),
    background: get('--sl-color-bg', '#ffffff'),
  };
}

// ---- Network diagram ----------------------------------------------------------------------------

export interface NetworkView {
  /** Rebuilds nodes for a new network shape. */
  setLayout(layout: NetworkLayout): void;
  /**
   * Updates links and node maps. maps.get(node id) is that node's grid of values; the output
   * node shows `output` (the heatmap's pixels).
   */
  update(
    links: readonly LinkLine[],
    maps: ReadonlyMap<string, Float32Array>,
    palette: Palette,
    output: ImageData,
  ): void;
}

/**
 * The diagram: an SVG of links, ONE canvas holding every node's map (dozens of small canvases
 * cost a compositor layer each), a transparent focusable box per node for keyboard, pointer and
 * screen readers, and one zoom canvas that shows the hovered or focused node's map at 3×.
 */
export function createNetworkView(
  host: HTMLElement,
  size: number,
  onInspect: (node: NodeBox | undefined, link: LinkLine | undefined) => void,
): NetworkView {
  host.replaceChildren();
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.classList.add('pg-links');
  svg.setAttribute('aria-hidden', 'true');
  const maps = document.createElement('canvas');
  maps.className = 'pg-maps';
  maps.setAttribute('aria-hidden', 'true');
  const zoom = document.createElement('canvas');
  zoom.className = 'pg-zoom';
  zoom.width = size;
  zoom.height = size;
  zoom.hidden = true;
  zoom.setAttribute('aria-hidden', 'true');
  host.append(svg, maps, zoom);
  const scratch = document.createElement('canvas');
  scratch.width = size;
  scratch.height = size;
  const images = new Map<string, ImageData>();
  const boxes = new Map<string, HTMLElement>();
  const lines = new Map<string, SVGLineElement>();
  const current = new Map<string, LinkLine>();
  let layout: NetworkLayout | undefined;
  let active: NodeBox | undefined;

  const showZoom = () => {
    if (!active || !layout) {
      zoom.hidden = true;
      return;
    }
    const img = images.get(active.id);
    if (img) zoom.getContext('2d')?.putImageData(img, 0, 0);
    const side = layout.thumb * 3;
    zoom.style.left = `${Math.max(0, Math.min(layout.width - side, active.x - side / 2))}px`;
    zoom.style.top = `${Math.max(0, active.y - side / 2)}px`;
    zoom.hidden = false;
  };

  return {
    setLayout(next) {
      layout = next;
      active = undefined;
      zoom.hidden = true;
      host.style.setProperty('--pg-net-w', `${next.width}px`);
      host.style.setProperty('--pg-net-h', `${next.height}px`);
      for (const el of [svg, maps]) {
        el.setAttribute('width', String(next.width));
        el.setAttribute('height', String(next.height));
      }
      svg.setAttribute('viewBox', `0 0 ${next.width} ${next.height}`);
      for (const b of boxes.values()) b.remove();
      boxes.clear();
      images.clear();
      for (const n of next.nodes) {
        const box = document.createElement('div');
        box.className = `pg-thumb pg-kind-${n.kind}`;
        box.tabIndex = 0;
        box.setAttribute('role', 'img');
        box.setAttribute(
          'aria-label',
          n.kind === 'feature'
            ? `Input feature ${n.label}`
            : n.kind === 'output'
              ? 'Output neuron'
              : `${n.label}: map of its output over the plane`,
        );
        box.dataset['node'] = n.id;
        box.style.left = `${n.x - next.thumb / 2}px`;
        box.style.top = `${n.y - next.thumb / 2}px`;
        const show = () => {
          active = n;
          showZoom();
          onInspect(n, undefined);
        };
        const hide = () => {
          active = undefined;
          showZoom();
          onInspect(undefined, undefined);
        };
        box.addEventListener('focus', show);
        box.addEventListener('mouseenter', show);
        box.addEventListener('blur', hide);
        box.addEventListener('mouseleave', hide);
        host.append(box);
        boxes.set(n.id, box);
      }
    },
    update(links, values, palette, output) {
      if (!layout) return;
      const half = layout.thumb / 2;
      // Lines are created once per shape; later updates touch only what changed (width, sign),
      // because attribute writes on hundreds of lines are what costs frames here.
      if (lines.size !== links.length || links.some((l) => !lines.has(l.id))) {
        for (const el of lines.values()) el.remove();
        lines.clear();
        for (const l of links) {
          const el = document.createElementNS(SVG_NS, 'line');
          el.setAttribute('x1', String(l.from.x + half));
          el.setAttribute('y1', String(l.from.y));
          el.setAttribute('x2', String(l.to.x - half));
          el.setAttribute('y2', String(l.to.y));
          el.addEventListener('mouseenter', () => onInspect(undefined, current.get(l.id)));
          el.addEventListener('mouseleave', () => onInspect(undefined, undefined));
          svg.append(el);
          lines.set(l.id, el);
        }
      }
      for (const l of links) {
        current.set(l.id, l);
        const el = lines.get(l.id)!;
        const width = l.width.toFixed(1);
        if (el.getAttribute('stroke-width') !== width) el.setAttribute('stroke-width', width);
        const cls = `pg-link pg-${l.sign}`;
        if (el.getAttribute('class') !== cls) el.setAttribute('class', cls);
      }
      const ctx = maps.getContext('2d');
      const sctx = scratch.getContext('2d');
      if (!ctx || !sctx) return;
      ctx.clearRect(0, 0, layout.width, layout.height);
      for (const n of layout.nodes) {
        let img: ImageData | undefined;
        if (n.id === 'out') img = output;
        else {
          const v = values.get(n.id);
          if (!v) continue;
          img = images.get(n.id);
          if (!img) {
            img = new ImageData(size, size);
            images.set(n.id, img);
          }
          divergingPixels(v, img.data, palette, maxAbs(v));
        }
        images.set(n.id, img);
        sctx.putImageData(img, 0, 0);
        ctx.drawImage(scratch, n.x - half, n.y - half, layout.thumb, layout.thumb);
      }
      if (active) showZoom();
    },
  };
}

// ---- Output heatmap -----------------------------------------------------------------------------

const HEAT_STRENGTH = 0.55;

/** Paints the output layer's grid into the 50×50 heatmap canvas. */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  outputs: readonly Float32Array[],
  task: Task,
  palette: Palette,
  image: ImageData,
): void {
  // Paler than the neuron maps, so the points (full colour) stand out on their own class.
  if (task === 'binary') probabilityPixels(outputs[0]!, image.data, palette, HEAT_STRENGTH);
  else if (task === 'multiclass') classPixels(outputs, image.data, palette, HEAT_STRENGTH);
  else divergingPixels(outputs[0]!, image.data, palette, 1, HEAT_STRENGTH);
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}

export interface PointsScene {
  train: readonly LabelledPoint[];
  test: readonly LabelledPoint[];
  task: Task;
  oneD: boolean;
  /** For 1-D regression: the network's output at evenly spaced x from −1 to 1. */
  curve?: Float32Array | undefined;
  /** Keyboard drawing cursor in [-1, 1]², if shown. */
  cursor?: { x: number; y: number } | undefined;
}

/** Draws points (and the 1-D curve, and the drawing cursor) on the overlay canvas. */
export function drawPoints(canvas: HTMLCanvasElement, scene: PointsScene, palette: Palette): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const W = canvas.width;
  const H = canvas.height;
  ctx.clearRect(0, 0, W, H);
  const px = (x: number) => ((x + 1) / 2) * W;
  const py = (y: number) => ((1 - y) / 2) * H;
  const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  const colours = [palette.negative, palette.positive, palette.third];
  const edge = rgb(palette.background);
  if (scene.oneD && scene.curve) {
    ctx.beginPath();
    scene.curve.forEach((v, i) => {
      const x = px(-1 + (2 * (i + 0.5)) / scene.curve!.length);
      const y = py(Math.max(-1.2, Math.min(1.2, v)));
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.lineWidth = 3;
    ctx.strokeStyle = rgb(palette.negative);
    ctx.stroke();
  }
  const mark = (p: LabelledPoint, hollow: boolean) => {
    const x = px(p.x);
    const y = py(p.y);
    const r = 4.5;
    const cls = scene.task === 'regression' ? (p.label >= 0 ? 1 : 0) : p.label;
    const shape = scene.task === 'regression' ? 0 : cls;
    ctx.beginPath();
    if (shape === 1) ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else if (shape === 2) {
      ctx.moveTo(x, y - r - 1);
      ctx.lineTo(x + r + 1, y + r);
      ctx.lineTo(x - r - 1, y + r);
      ctx.closePath();
    } else ctx.arc(x, y, r, 0, 2 * Math.PI);
    const c = rgb(colours[cls] ?? palette.negative);
    if (hollow) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = c;
      ctx.stroke();
    } else {
      ctx.fillStyle = c;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = edge;
      ctx.stroke();
    }
  };
  for (const p of scene.train) mark(p, false);
  for (const p of scene.test) mark(p, true);
  if (scene.cursor) {
    const x = px(scene.cursor.x);
    const y = py(scene.cursor.y);
    ctx.lineWidth = 2;
    ctx.strokeStyle = rgb(palette.positive);
    ctx.beginPath();
    ctx.moveTo(x - 10, y);
    ctx.lineTo(x + 10, y);
    ctx.moveTo(x, y - 10);
    ctx.lineTo(x, y + 10);
    ctx.stroke();
  }
}

// ---- Loss curves --------------------------------------------------------------------------------

const curveLayout = {
  width: 320,
  height: 150,
  margin: { top: 10, right: 60, bottom: 40, left: 52 },
};

/** Draws training (solid) and test (dashed) loss against step, log-scaled. */
export function drawLossCurves(
  svg: SVGSVGElement,
  history: readonly LossPoint[],
  best: LossPoint | null = null,
): void {
  // The lowest test loss so far is a one-point series: its end label ("best test") is placed with
  // the others (never overlapping), and a ring marks it (early stopping, issue 11).
  const marked = best && history.length > 1 ? [best] : [];
  const vm = curvesViewModel(
    [
      {
        id: 'train',
        label: 'train',
        kind: 'train',
        points: history.map((p) => ({ x: p.step, y: p.train })),
      },
      {
        id: 'test',
        label: 'test',
        kind: 'test',
        points: history.map((p) => ({ x: p.step, y: p.test })),
      },
      ...marked.map((p) => ({
        id: 'best',
        label: 'best test',
        kind: 'other' as const,
        points: [{ x: p.step, y: p.test }],
      })),
    ],
    curveLayout,
    { logY: true, xTickCount: 3, yTickCount: 3 },
  );
  drawCurves(svg, vm, { x: 'step', y: 'loss' });
  const end = vm.paths.find((p) => p.id === 'best')?.end;
  let ring = svg.querySelector<SVGCircleElement>('circle.pg-best');
  if (!end) {
    ring?.remove();
    return;
  }
  if (!ring) {
    ring = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    ring.setAttribute('class', 'pg-best');
    ring.setAttribute('r', '5');
    ring.setAttribute('fill', 'none');
    ring.setAttribute('stroke', 'currentColor');
    ring.setAttribute('stroke-width', '2');
    svg.append(ring);
  }
  ring.setAttribute('cx', String(end.x));
  ring.setAttribute('cy', String(end.y));
}
