// Drawing one Playground run: the output heatmap and points, the network diagram with its node
// maps, the readouts, the loss curves and the text alternatives, at most once per animation frame
// and rate-limited while training. Reads the run through a callback; never changes it.
// Browser only.
import type { DenseNet } from '../../../lib/ml/dense/network.ts';
import { datasets } from '../../../lib/playground/datasets.ts';
import { GRID_SIZE, type GridEvaluator } from '../../../lib/playground/grid.ts';
import {
  describeIncoming,
  describeRun,
  formatNumber,
  networkLinks,
  type LinkLine,
  type NetworkLayout,
  type NodeBox,
} from '../../../lib/playground/network-view.ts';
import type { Snapshot } from '../../../lib/playground/protocol.ts';
import type { PlaygroundState } from '../../../lib/playground/state.ts';
import { netSpec, type LossPoint, type PlaygroundData } from '../../../lib/playground/trainer.ts';
import type { Palette } from '../../../lib/playground/colors.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { setOut } from './dom.ts';
import {
  createNetworkView,
  drawHeatmap,
  drawLossCurves,
  drawPoints,
  readPalette,
  type NetworkView,
} from './view.ts';

/** What the renderer reads of the element's run. */
export interface RunView {
  readonly setup: PlaygroundState;
  readonly data: PlaygroundData | undefined;
  readonly layout: NetworkLayout | undefined;
  readonly grid: GridEvaluator | undefined;
  readonly snap: Snapshot | undefined;
  readonly history: LossPoint[];
  readonly playing: boolean;
}

export class RunRenderer {
  readonly #root: HTMLElement;
  readonly #read: () => RunView;
  readonly #network: NetworkView | undefined;
  readonly #live: LiveSummary | undefined;
  #raf = 0;
  #lastCurves = 0;
  #lastNetwork = 0;
  #inspected: NodeBox | undefined;
  #lastInspect = 0;
  #image = new ImageData(GRID_SIZE, GRID_SIZE);
  #palette: Palette | undefined;
  /** The keyboard cross of the drawn data set, in data coordinates; mutated in place. */
  readonly cursor = { x: 0, y: 0 };
  cursorShown = false;
  /** Frames drawn since connection (read by the benchmark). */
  framesDrawn = 0;
  /** Milliseconds the last frame spent recomputing the 50×50 grid, and drawing in total. */
  readonly drawStats = { gridMs: 0, drawMs: 0 };

  constructor(root: HTMLElement, read: () => RunView) {
    this.#root = root;
    this.#read = read;
    const host = root.querySelector<HTMLElement>('[data-network]');
    if (host) this.#network = createNetworkView(host, GRID_SIZE, (n, l) => this.inspect(n, l));
    const liveEl = root.querySelector<HTMLElement>('[data-nb-live]');
    if (liveEl) this.#live = createLiveSummary(liveEl, 1500);
  }

  dispose(): void {
    if (this.#raf) cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#live?.dispose();
  }

  setLayout(layout: NetworkLayout): void {
    this.#network?.setLayout(layout);
  }

  /** Theme changed: read the colours again and redraw everything. */
  themeChanged(): void {
    this.#palette = undefined;
    this.redrawAll();
  }

  requestDraw(): void {
    if (this.#raf) return;
    this.#raf = requestAnimationFrame(() => {
      this.#raf = 0;
      this.#draw();
    });
  }

  redrawAll(): void {
    this.drawPoints();
    this.#lastCurves = 0;
    this.#lastNetwork = 0;
    this.requestDraw();
  }

  /** Shows a neuron's incoming weights, or one link's weight, in the inspector line. */
  inspect(node: NodeBox | undefined, link: LinkLine | undefined): void {
    if (!link) this.#inspected = node;
    const el = this.#root.querySelector('[data-inspect]');
    if (!el) return;
    const net = this.#net();
    const layout = this.#read().layout;
    if (link)
      el.textContent = `Weight from ${link.from.label} to ${link.to.label}: ${formatNumber(link.weight)}.`;
    else if (node && net && layout)
      el.textContent = `${node.label}. ${describeIncoming(net, layout, node)}`;
    else if (node) el.textContent = `${node.label}. Its weights appear when the network is ready.`;
  }

  drawPoints(curve?: Float32Array): void {
    const overlay = this.#root.querySelector<HTMLCanvasElement>('[data-points]');
    const data = this.#read().data;
    if (!overlay || !data) return;
    drawPoints(
      overlay,
      {
        train: data.train,
        test: data.test,
        task: data.info.task,
        oneD: data.info.oneD,
        curve,
        cursor: this.cursorShown ? this.cursor : undefined,
      },
      this.#colours(),
    );
  }

  /** The loss table of the text alternative (only while its <details> is open). */
  renderTable(): void {
    const details = this.#root.querySelector<HTMLDetailsElement>('.nb-data');
    const table = this.#root.querySelector<HTMLTableElement>('[data-nb-table]');
    if (!table || !details?.open) return;
    renderTable(
      table,
      ['Step', 'Epoch', 'Training loss', 'Test loss'],
      this.#read().history.map((p) => [
        String(p.step),
        String(p.epoch),
        formatNumber(p.train),
        formatNumber(p.test),
      ]),
    );
  }

  /** The network of the latest snapshot (undefined before the first one). */
  #net(): DenseNet | undefined {
    const { snap, setup } = this.#read();
    if (!snap) return undefined;
    const spec = netSpec(setup);
    if (snap.weights.length !== spec.sizes.length - 1) return undefined;
    return { ...spec, weights: snap.weights, biases: snap.biases };
  }

  /** The theme's colours, read once per theme (reading them forces a style recalculation). */
  #colours(): Palette {
    this.#palette ??= readPalette(this.#root);
    return this.#palette;
  }

  #draw(): void {
    const started = performance.now();
    const palette = this.#colours();
    const net = this.#net();
    const { snap, grid, layout, setup, history, playing, data } = this.#read();
    const info = datasets[setup.dataset];
    const out = (name: string, text: string) => setOut(this.#root, name, text);
    if (!net || !snap || !grid || !layout) {
      this.#live?.update(
        describeRun(setup, {
          step: 0,
          epoch: 0,
          history: [],
          diverged: null,
          trainSize: data?.train.length ?? 0,
        }),
      );
      return;
    }
    const units = grid.evaluate(net);
    this.drawStats.gridMs = performance.now() - started;
    const maps = new Map<string, Float32Array>();
    setup.features.forEach((f, i) => maps.set(`f-${f}`, grid.featureMaps[i]!));
    units
      .slice(0, -1)
      .forEach((layer, l) => layer.forEach((u, j) => maps.set(`n-${l + 1}-${j}`, u)));
    const outputs = units[units.length - 1]!;
    const heat = this.#root.querySelector<HTMLCanvasElement>('[data-heatmap]');
    if (heat) drawHeatmap(heat, outputs, info.task, palette, this.#image);
    const now = performance.now();
    // The diagram (hundreds of links, up to 55 maps) redraws at 10 Hz while training; the
    // output heatmap and the readouts at every frame.
    if (now - this.#lastNetwork > 100 || !playing) {
      this.#lastNetwork = now;
      this.#network?.update(networkLinks(layout, net), maps, palette, this.#image);
      // Keep the focused neuron's weights current; the text is a live region, so while
      // training it is rewritten at most every 2 s.
      if (this.#inspected && (!playing || now - this.#lastInspect > 2000)) {
        this.#lastInspect = now;
        this.inspect(this.#inspected, undefined);
      }
    }
    if (info.oneD) this.drawPoints(outputs[0]!.subarray(0, GRID_SIZE));
    // After a divergence the readouts stay frozen at the last finite losses, with their step, so
    // they agree with the notice (which says what ran away and when).
    const frozen = snap.diverged?.last ?? undefined;
    const last = frozen ?? history[history.length - 1];
    out('step', (frozen?.step ?? snap.step).toLocaleString('en'));
    out('epoch', (frozen?.epoch ?? snap.epoch).toLocaleString('en'));
    out('trainLoss', last ? formatNumber(last.train) : '–');
    out('testLoss', last ? formatNumber(last.test) : '–');
    out('lrNow', formatNumber(snap.learningRate));
    out('rate', Math.round(snap.examplesPerSecond).toLocaleString('en'));
    if (now - this.#lastCurves > 150 || !playing) {
      this.#lastCurves = now;
      const svg = this.#root.querySelector<SVGSVGElement>('[data-curves]');
      if (svg) drawLossCurves(svg, history, snap.best);
    }
    this.#live?.update(describeRun(setup, { ...snap, history, trainSize: snap.trainSize }));
    if (!playing) this.renderTable();
    this.framesDrawn++;
    this.drawStats.drawMs = performance.now() - started;
  }
}
