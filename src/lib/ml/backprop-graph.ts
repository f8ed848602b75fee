// Pure: no DOM, no tfjs. The computational graph of a 2-2-1 sigmoid network on one example, with
// concrete numbers: forward values node by node, the local derivative on every edge, the
// backward gradients, the product of local derivatives along each path, and the ordered steps
// the BackpropGraph widget walks through (each with its equation as a TeX string). The Astro
// shell calls it at build time (the network itself is in backprop-net.ts); tests/unit/ml/backprop-graph.test.ts checks it against tf.grad.
//
//   z₁ = w₁x₁ + w₂x₂ + b₁   h₁ = σ(z₁)
//   z₂ = w₃x₁ + w₄x₂ + b₂   h₂ = σ(z₂)
//   z₃ = w₅h₁ + w₆h₂ + b₃   ŷ = σ(z₃)     L = ½(ŷ − y)²

import {
  paramNames,
  forward,
  backward,
  type ParamName,
  type Net221,
  type ForwardValues,
  type Gradients,
} from './backprop-net.ts';
// The network's names stay importable from here, where the widgets and tests found them.
export {
  paramNames,
  lessonNet,
  sigma,
  forward,
  lossAt,
  backward,
  type ParamName,
  type Params,
  type Net221,
  type ForwardValues,
  type Gradients,
} from './backprop-net.ts';

export type NodeId =
  'x1' | 'x2' | ParamName | 'z1' | 'h1' | 'z2' | 'h2' | 'z3' | 'yhat' | 'y' | 'L';

export type NodeKind = 'input' | 'param' | 'sum' | 'activation' | 'target' | 'loss';

export interface GraphNode {
  readonly id: NodeId;
  readonly kind: NodeKind;
  /** The node's symbol in TeX, e.g. "w_{1}" or "\\hat y". */
  readonly tex: string;
  /** The symbol in plain text for labels and screen readers, e.g. "w1", "ŷ". */
  readonly label: string;
  readonly value: number;
  /** ∂L/∂node; undefined for the target y, which is not differentiated. */
  readonly grad: number | undefined;
}

export interface GraphEdge {
  readonly id: string;
  readonly from: NodeId;
  readonly to: NodeId;
  /** The local derivative ∂to/∂from at this example. */
  readonly local: number;
  /** The local derivative as TeX, symbol = expression, e.g. "\\partial z_1/\\partial w_1 = x_1". */
  readonly tex: string;
}

/** The product of local derivatives along one path from L back to a node. */
export interface GraphPath {
  /** The node the path ends at. */
  readonly to: NodeId;
  /** Edge ids from L backwards. */
  readonly edges: readonly string[];
  readonly factors: readonly number[];
  readonly product: number;
}

export interface GraphStep {
  readonly index: number;
  readonly phase: 'forward' | 'backward';
  /** The node whose value (forward) or gradient (backward) this step computes. */
  readonly node: NodeId;
  /** Edges this step uses, to highlight. */
  readonly edges: readonly string[];
  /** The equation with symbols, numbers and the result, as TeX. */
  readonly tex: string;
  /** For a weight or input: the whole product of local derivatives along its path(s), as TeX. */
  readonly pathTex: string | undefined;
  /** The same step in words, for the live region and screen readers. */
  readonly text: string;
  readonly value: number;
}

export interface BackpropGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly paths: readonly GraphPath[];
  readonly steps: readonly GraphStep[];
  readonly forward: ForwardValues;
  readonly gradients: Gradients;
}

/**
 * A number for an equation: `digits` decimals, "−" for minus, and parentheses around negatives
 * when `wrap` is set (so products read (−0.60)(0.50)).
 */
export function num(v: number, digits = 4, wrap = false): string {
  const s = Math.abs(v).toFixed(digits);
  if (v < 0 && Number(s) !== 0) return wrap ? `(-${s})` : `-${s}`;
  return s;
}

const texOf: Record<NodeId, string> = {
  x1: 'x_1',
  x2: 'x_2',
  w1: 'w_1',
  w2: 'w_2',
  w3: 'w_3',
  w4: 'w_4',
  w5: 'w_5',
  w6: 'w_6',
  b1: 'b_1',
  b2: 'b_2',
  b3: 'b_3',
  z1: 'z_1',
  h1: 'h_1',
  z2: 'z_2',
  h2: 'h_2',
  z3: 'z_3',
  yhat: '\\hat y',
  y: 'y',
  L: 'L',
};

const labelOf: Record<NodeId, string> = {
  x1: 'x1',
  x2: 'x2',
  w1: 'w1',
  w2: 'w2',
  w3: 'w3',
  w4: 'w4',
  w5: 'w5',
  w6: 'w6',
  b1: 'b1',
  b2: 'b2',
  b3: 'b3',
  z1: 'z1',
  h1: 'h1',
  z2: 'z2',
  h2: 'h2',
  z3: 'z3',
  yhat: 'ŷ',
  y: 'y',
  L: 'L',
};

const d = (of: NodeId): string => `\\frac{\\partial L}{\\partial ${texOf[of]}}`;
const dLocal = (to: NodeId, from: NodeId): string =>
  `\\frac{\\partial ${texOf[to]}}{\\partial ${texOf[from]}}`;

/** Builds the whole graph, its paths and the step-through for one example. */
export function buildGraph(net: Net221): BackpropGraph {
  const f = forward(net);
  const g = backward(net, f);
  const { x1, x2, y, params: p } = net;

  const valueOf: Record<NodeId, number> = { x1, x2, y, ...p, ...f };
  const nodeIds: NodeId[] = [
    'x1',
    'x2',
    ...paramNames,
    'z1',
    'h1',
    'z2',
    'h2',
    'z3',
    'yhat',
    'y',
    'L',
  ];
  const kindOf = (id: NodeId): NodeKind =>
    id === 'x1' || id === 'x2'
      ? 'input'
      : id === 'y'
        ? 'target'
        : id === 'L'
          ? 'loss'
          : id === 'h1' || id === 'h2' || id === 'yhat'
            ? 'activation'
            : id === 'z1' || id === 'z2' || id === 'z3'
              ? 'sum'
              : 'param';
  const nodes: GraphNode[] = nodeIds.map((id) => ({
    id,
    kind: kindOf(id),
    tex: texOf[id],
    label: labelOf[id],
    value: valueOf[id],
    grad: id === 'y' ? undefined : id === 'L' ? 1 : g[id],
  }));

  const edge = (from: NodeId, to: NodeId, local: number, expr: string): GraphEdge => ({
    id: `${from}-${to}`,
    from,
    to,
    local,
    tex: `${dLocal(to, from)} = ${expr}`,
  });
  const sp = (h: number): number => h * (1 - h);
  const edges: GraphEdge[] = [
    edge('x1', 'z1', p.w1, 'w_1'),
    edge('x2', 'z1', p.w2, 'w_2'),
    edge('w1', 'z1', x1, 'x_1'),
    edge('w2', 'z1', x2, 'x_2'),
    edge('b1', 'z1', 1, '1'),
    edge('x1', 'z2', p.w3, 'w_3'),
    edge('x2', 'z2', p.w4, 'w_4'),
    edge('w3', 'z2', x1, 'x_1'),
    edge('w4', 'z2', x2, 'x_2'),
    edge('b2', 'z2', 1, '1'),
    edge('z1', 'h1', sp(f.h1), 'h_1(1-h_1)'),
    edge('z2', 'h2', sp(f.h2), 'h_2(1-h_2)'),
    edge('h1', 'z3', p.w5, 'w_5'),
    edge('h2', 'z3', p.w6, 'w_6'),
    edge('w5', 'z3', f.h1, 'h_1'),
    edge('w6', 'z3', f.h2, 'h_2'),
    edge('b3', 'z3', 1, '1'),
    edge('z3', 'yhat', sp(f.yhat), '\\hat y(1-\\hat y)'),
    edge('yhat', 'L', f.yhat - y, '\\hat y - y'),
    edge('y', 'L', y - f.yhat, 'y - \\hat y'),
  ];
  const byId = new Map(edges.map((e) => [e.id, e]));
  const local = (id: string): GraphEdge => {
    const e = byId.get(id);
    if (!e) throw new Error(`no edge ${id}`);
    return e;
  };

  // Every path from L back to a parameter or input, as chains of edge ids.
  const top = ['yhat-L', 'z3-yhat'];
  const via1 = [...top, 'h1-z3', 'z1-h1'];
  const via2 = [...top, 'h2-z3', 'z2-h2'];
  const pathEdges: Array<[NodeId, string[]]> = [
    ['w5', [...top, 'w5-z3']],
    ['w6', [...top, 'w6-z3']],
    ['b3', [...top, 'b3-z3']],
    ['w1', [...via1, 'w1-z1']],
    ['w2', [...via1, 'w2-z1']],
    ['b1', [...via1, 'b1-z1']],
    ['w3', [...via2, 'w3-z2']],
    ['w4', [...via2, 'w4-z2']],
    ['b2', [...via2, 'b2-z2']],
    ['x1', [...via1, 'x1-z1']],
    ['x1', [...via2, 'x1-z2']],
    ['x2', [...via1, 'x2-z1']],
    ['x2', [...via2, 'x2-z2']],
  ];
  const paths: GraphPath[] = pathEdges.map(([to, ids]) => {
    const factors = ids.map((id) => local(id).local);
    return { to, edges: ids, factors, product: factors.reduce((a, b) => a * b, 1) };
  });

  const steps: GraphStep[] = [];
  const add = (s: Omit<GraphStep, 'index'>): void => {
    steps.push({ ...s, index: steps.length });
  };
  const n = (v: number): string => num(v, 4, true);

  // Forward pass, node by node.
  const fwdSum = (
    node: 'z1' | 'z2' | 'z3',
    [a, xa]: [ParamName, NodeId],
    [b, xb]: [ParamName, NodeId],
    bias: ParamName,
  ): void => {
    const v = valueOf[node];
    add({
      phase: 'forward',
      node,
      edges: [`${xa}-${node}`, `${xb}-${node}`, `${a}-${node}`, `${b}-${node}`, `${bias}-${node}`],
      tex: `${texOf[node]} = ${texOf[a]}${texOf[xa]} + ${texOf[b]}${texOf[xb]} + ${texOf[bias]} = ${n(p[a])}\\cdot${n(valueOf[xa])} + ${n(p[b])}\\cdot${n(valueOf[xb])} + ${n(p[bias])} = ${num(v)}`,
      pathTex: undefined,
      text: `Forward: ${labelOf[node]} = ${labelOf[a]}·${labelOf[xa]} + ${labelOf[b]}·${labelOf[xb]} + ${labelOf[bias]} = ${num(v)}`,
      value: v,
    });
  };
  const fwdAct = (node: 'h1' | 'h2' | 'yhat', from: 'z1' | 'z2' | 'z3'): void => {
    const v = valueOf[node];
    add({
      phase: 'forward',
      node,
      edges: [`${from}-${node}`],
      tex: `${texOf[node]} = \\sigma(${texOf[from]}) = \\frac{1}{1+e^{-${n(valueOf[from])}}} = ${num(v)}`,
      pathTex: undefined,
      text: `Forward: ${labelOf[node]} = sigmoid(${labelOf[from]}) = sigmoid(${num(valueOf[from])}) = ${num(v)}`,
      value: v,
    });
  };
  fwdSum('z1', ['w1', 'x1'], ['w2', 'x2'], 'b1');
  fwdAct('h1', 'z1');
  fwdSum('z2', ['w3', 'x1'], ['w4', 'x2'], 'b2');
  fwdAct('h2', 'z2');
  fwdSum('z3', ['w5', 'h1'], ['w6', 'h2'], 'b3');
  fwdAct('yhat', 'z3');
  add({
    phase: 'forward',
    node: 'L',
    edges: ['yhat-L', 'y-L'],
    tex: `L = \\tfrac12(\\hat y - y)^2 = \\tfrac12(${num(f.yhat)} - ${num(y)})^2 = ${num(f.L, 6)}`,
    pathTex: undefined,
    text: `Forward: L = ½(ŷ − y)² = ½(${num(f.yhat)} − ${num(y)})² = ${num(f.L, 6)}`,
    value: f.L,
  });

  // Backward pass: each gradient is an upstream gradient times one local derivative.
  add({
    phase: 'backward',
    node: 'yhat',
    edges: ['yhat-L'],
    tex: `${d('yhat')} = \\hat y - y = ${num(f.yhat)} - ${num(y)} = ${num(g.yhat, 6)}`,
    pathTex: undefined,
    text: `Backward: ∂L/∂ŷ = ŷ − y = ${num(g.yhat, 6)}`,
    value: g.yhat,
  });
  const back = (node: NodeId, upstream: NodeId, edgeId: string): void => {
    const e = local(edgeId);
    const v = g[node as keyof Gradients];
    const path = paths.find((q) => q.to === node);
    const isLeaf = kindOf(node) === 'param';
    add({
      phase: 'backward',
      node,
      edges: [edgeId],
      tex: `${d(node)} = ${d(upstream)}\\cdot ${dLocal(e.to, e.from)} = ${num(g[upstream as keyof Gradients], 6, true)}\\cdot ${n(e.local)} = ${num(v, 6)}`,
      pathTex:
        isLeaf && path
          ? `${d(node)} = ${path.edges.map((id) => n(local(id).local)).join('\\cdot ')} = ${num(path.product, 6)}`
          : undefined,
      text: `Backward: ∂L/∂${labelOf[node]} = ∂L/∂${labelOf[upstream]} × ∂${labelOf[e.to]}/∂${labelOf[e.from]} = ${num(g[upstream as keyof Gradients], 6)} × ${num(e.local)} = ${num(v, 6)}`,
      value: v,
    });
  };
  back('z3', 'yhat', 'z3-yhat');
  back('w5', 'z3', 'w5-z3');
  back('w6', 'z3', 'w6-z3');
  back('b3', 'z3', 'b3-z3');
  back('h1', 'z3', 'h1-z3');
  back('h2', 'z3', 'h2-z3');
  back('z1', 'h1', 'z1-h1');
  back('z2', 'h2', 'z2-h2');
  back('w1', 'z1', 'w1-z1');
  back('w2', 'z1', 'w2-z1');
  back('b1', 'z1', 'b1-z1');
  back('w3', 'z2', 'w3-z2');
  back('w4', 'z2', 'w4-z2');
  back('b2', 'z2', 'b2-z2');
  // An input feeds both hidden units: two paths, and the gradient is their sum.
  for (const [x, a, b] of [
    ['x1', 'w1', 'w3'],
    ['x2', 'w2', 'w4'],
  ] as const) {
    const [pa, pb] = paths.filter((q) => q.to === x);
    add({
      phase: 'backward',
      node: x,
      edges: [`${x}-z1`, `${x}-z2`],
      tex: `${d(x)} = ${d('z1')}\\,${texOf[a]} + ${d('z2')}\\,${texOf[b]} = ${num(g.z1, 6, true)}\\cdot${n(p[a])} + ${num(g.z2, 6, true)}\\cdot${n(p[b])} = ${num(g[x], 6)}`,
      pathTex: `${d(x)} = \\underbrace{${num(pa!.product, 6)}}_{\\text{via } h_1} + \\underbrace{${num(pb!.product, 6)}}_{\\text{via } h_2} = ${num(g[x], 6)}`,
      text: `Backward: ${labelOf[x]} reaches L along two paths, so ∂L/∂${labelOf[x]} is the sum of both products: ${num(pa!.product, 6)} + ${num(pb!.product, 6)} = ${num(g[x], 6)}`,
      value: g[x],
    });
  }

  return { nodes, edges, paths, steps, forward: f, gradients: g };
}

/**
 * The cost argument of the lesson, counted in passes through the network: backpropagation needs
 * one forward and one backward pass (the backward pass costs about as much as one to two forward
 * passes), whereas estimating every derivative by perturbation needs one extra forward pass per
 * parameter (two with central differences).
 * @param parameterCount number of weights and biases
 */
export function passCounts(parameterCount: number): {
  backprop: { forward: number; backward: number };
  oneSided: number;
  central: number;
} {
  if (!Number.isInteger(parameterCount) || parameterCount < 1) {
    throw new Error('parameterCount must be a positive integer');
  }
  return {
    backprop: { forward: 1, backward: 1 },
    oneSided: parameterCount + 1,
    central: 2 * parameterCount,
  };
}
