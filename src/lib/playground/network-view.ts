// Pure: no DOM. Where the network diagram puts its nodes and links, how thick and which colour
// each link is, and the words the widget uses to describe a run (its text alternative).
import type { DenseNet } from '../ml/dense/network.ts';
import { datasets } from './datasets.ts';
import { features as featureInfo } from './features.ts';
import type { Divergence, LossPoint } from './trainer.ts';
import type { PlaygroundState } from './state.ts';

export interface NodeBox {
  /** "f-x1" for a feature, "n-<layer>-<index>" for a neuron (layer 1 = first hidden), "out". */
  readonly id: string;
  /** 0 = input features, 1…H hidden layers, H+1 output. */
  readonly layer: number;
  readonly index: number;
  /** Centre, in diagram units. */
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly kind: 'feature' | 'hidden' | 'output';
}

export interface LinkLine {
  readonly id: string;
  readonly from: NodeBox;
  readonly to: NodeBox;
  readonly weight: number;
  /** Stroke width in diagram units, growing with |weight|. */
  readonly width: number;
  /** Which colour: positive or negative weight. */
  readonly sign: 'positive' | 'negative';
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  /** Thumbnail side, diagram units. */
  readonly thumb: number;
  readonly nodes: readonly NodeBox[];
}

const COLUMN = 96;
const ROW = 44;
export const THUMB = 34;

/** Node positions for a setup: one column per layer, each column centred vertically. */
export function networkLayout(state: Readonly<PlaygroundState>): NetworkLayout {
  const columns: Array<Array<Omit<NodeBox, 'x' | 'y' | 'layer' | 'index'>>> = [
    state.features.map((f) => ({
      id: `f-${f}`,
      label: featureInfo[f].label,
      kind: 'feature' as const,
    })),
    ...state.hidden.map((n, l) =>
      Array.from({ length: n }, (_, j) => ({
        id: `n-${l + 1}-${j}`,
        label: `Layer ${l + 1}, neuron ${j + 1}`,
        kind: 'hidden' as const,
      })),
    ),
    [{ id: 'out', label: 'Output', kind: 'output' as const }],
  ];
  const tallest = Math.max(...columns.map((c) => c.length));
  const height = tallest * ROW + 8;
  const width = (columns.length - 1) * COLUMN + THUMB + 16;
  const nodes: NodeBox[] = [];
  columns.forEach((col, layer) => {
    const top = (height - col.length * ROW) / 2 + ROW / 2;
    col.forEach((n, index) =>
      nodes.push({ ...n, layer, index, x: 8 + THUMB / 2 + layer * COLUMN, y: top + index * ROW }),
    );
  });
  return { width, height, thumb: THUMB, nodes };
}

/** Stroke width for a weight: thin near 0, at most 6 units. */
export function linkWidth(weight: number): number {
  const w = Math.abs(weight);
  return Number.isFinite(w) ? Math.min(6, 0.4 + 1.6 * w) : 6;
}

/**
 * The links between consecutive columns with the network's weights. For three-class data the
 * output column has one node, so links into it carry the mean |weight| to the output units with
 * the sign of the sum.
 */
export function networkLinks(layout: NetworkLayout, net: DenseNet): LinkLine[] {
  const byLayer = new Map<number, NodeBox[]>();
  for (const n of layout.nodes) byLayer.set(n.layer, [...(byLayer.get(n.layer) ?? []), n]);
  const links: LinkLine[] = [];
  const L = net.weights.length;
  for (let l = 0; l < L; l++) {
    const from = byLayer.get(l) ?? [];
    const to = byLayer.get(l + 1) ?? [];
    const nIn = net.sizes[l]!;
    const nOut = net.sizes[l + 1]!;
    const w = net.weights[l]!;
    for (let i = 0; i < from.length; i++) {
      for (let j = 0; j < to.length; j++) {
        let weight: number;
        if (l === L - 1 && nOut !== to.length) {
          let sum = 0;
          for (let k = 0; k < nOut; k++) sum += w[k * nIn + i]!;
          weight = sum / nOut;
        } else weight = w[j * nIn + i]!;
        links.push({
          id: `${from[i]!.id}>${to[j]!.id}`,
          from: from[i]!,
          to: to[j]!,
          weight,
          width: linkWidth(weight),
          sign: weight >= 0 ? 'positive' : 'negative',
        });
      }
    }
  }
  return links;
}

/** A number for people: 3 significant digits, "−" for minus, no exponent below 1e6. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const s =
    a >= 1e6 || (a > 0 && a < 1e-4)
      ? a.toExponential(2)
      : a >= 100
        ? a.toFixed(0)
        : a.toPrecision(3);
  return (v < 0 ? '−' : '') + s;
}

/** Incoming weights of a node, in words ("from x₁: 0.52; from x₂: −1.30; bias 0.10"). */
export function describeIncoming(net: DenseNet, layout: NetworkLayout, node: NodeBox): string {
  if (node.kind === 'feature') return 'Input feature: its map shows its value over the plane.';
  const l = node.layer - 1;
  const nIn = net.sizes[l]!;
  const sources = layout.nodes.filter((n) => n.layer === node.layer - 1);
  const w = net.weights[l]!;
  const b = net.biases[l]!;
  const units = node.kind === 'output' ? net.sizes[l + 1]! : 1;
  const parts: string[] = [];
  for (let k = 0; k < units; k++) {
    const j = node.kind === 'output' ? k : node.index;
    const ws = sources.map(
      (s, i) =>
        `from ${s.kind === 'feature' ? s.label : `neuron ${s.index + 1}`}: ${formatNumber(w[j * nIn + i]!)}`,
    );
    parts.push(
      `${units > 1 ? `Output ${k + 1} — ` : ''}${ws.join('; ')}; bias ${formatNumber(b[j]!)}`,
    );
  }
  return `Incoming weights. ${parts.join('. ')}.`;
}

/** The two-sentence live summary of a run. */
export function describeRun(
  state: Readonly<PlaygroundState>,
  run: {
    step: number;
    epoch: number;
    history: readonly LossPoint[];
    diverged: Divergence | null;
    trainSize: number;
  },
): string {
  const info = datasets[state.dataset];
  if (run.trainSize === 0)
    return `${info.label}: no training points yet. Add points to the plot to train.`;
  const last = run.history[run.history.length - 1];
  const shape =
    state.hidden.length === 0
      ? 'no hidden layers'
      : `hidden layers of ${state.hidden.join(', ')} neurons`;
  const head = `${info.label} with ${shape}. Step ${run.step}, epoch ${run.epoch}.`;
  if (run.diverged) return `${head} Training diverged: the loss is no longer a usable number.`;
  if (!last) return head;
  return `${head} Training loss ${formatNumber(last.train)}, test loss ${formatNumber(last.test)}.`;
}

/** Where the test loss stands relative to its best so far: "falling", "rising" or "flat". */
export function testTrend(
  history: readonly LossPoint[],
): 'falling' | 'rising' | 'flat' | 'unknown' {
  if (history.length < 3) return 'unknown';
  const last = history[history.length - 1]!.test;
  const best = Math.min(...history.map((p) => p.test));
  const prev = history[Math.max(0, Math.floor(history.length * 0.8) - 1)]!.test;
  if (last > best * 1.25 && last > prev) return 'rising';
  if (last < prev * 0.98) return 'falling';
  return 'flat';
}

/** Explains a divergence in words, with what to do about it. */
export function divergenceMessage(d: Divergence): string {
  const what =
    d.cause === 'weights'
      ? 'the weights grew beyond a million (or stopped being numbers), even though the loss may still look small'
      : d.kind === 'nan'
        ? 'the loss stopped being a number (NaN or infinity)'
        : 'the loss grew beyond a million';
  const last = d.last
    ? ` The readouts show the last losses before that, at step ${d.last.step.toLocaleString('en')}: training ${formatNumber(d.last.train)}, test ${formatNumber(d.last.test)}.`
    : '';
  return (
    `Training stopped at step ${d.step.toLocaleString('en')}: ${what}.${last} With learning rate ${formatNumber(d.learningRate)} ` +
    'each update overshoots the minimum by more than the last one, so the weights blow up instead of ' +
    'settling. Choose a smaller learning rate (or add decay), then press Reset to start again from the same seed.'
  );
}
