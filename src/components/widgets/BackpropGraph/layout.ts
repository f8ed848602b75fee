// Pure: where each node of the 2-2-1 computational graph sits in the SVG (viewBox units). Used by
// BackpropGraph.astro at build time; the element never needs it.
import type { GraphEdge, NodeId } from '../../../lib/ml/backprop-graph.ts';

export const graphSize = { width: 780, height: 452 } as const;

/** Centre of every node. Parameters sit above (layer 1, unit 1) or below (unit 2) their sum. */
export const nodePosition: Readonly<Record<NodeId, { x: number; y: number }>> = {
  x1: { x: 50, y: 160 },
  x2: { x: 50, y: 280 },
  w1: { x: 145, y: 48 },
  w2: { x: 235, y: 48 },
  b1: { x: 325, y: 48 },
  w3: { x: 145, y: 392 },
  w4: { x: 235, y: 392 },
  b2: { x: 325, y: 392 },
  z1: { x: 235, y: 160 },
  z2: { x: 235, y: 280 },
  h1: { x: 370, y: 160 },
  h2: { x: 370, y: 280 },
  w5: { x: 435, y: 48 },
  w6: { x: 525, y: 48 },
  b3: { x: 615, y: 48 },
  z3: { x: 525, y: 220 },
  yhat: { x: 630, y: 220 },
  y: { x: 730, y: 96 },
  L: { x: 730, y: 220 },
};

/** Nodes whose value and gradient are written above them (edges arrive from below). */
export const labelsAbove: ReadonlySet<NodeId> = new Set<NodeId>(['z2']);

/** Node radius (circles) or half-size (squares). */
export const nodeRadius = 22;

/** A straight edge from the rim of one node to the rim of the other. */
export function edgeLine(e: Pick<GraphEdge, 'from' | 'to'>): {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
} {
  const a = nodePosition[e.from];
  const b = nodePosition[e.to];
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const r = nodeRadius + 2;
  return { x1: a.x + ux * r, y1: a.y + uy * r, x2: b.x - ux * (r + 4), y2: b.y - uy * (r + 4) };
}
