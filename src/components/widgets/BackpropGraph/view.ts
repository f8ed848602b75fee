// Shows one step of the static graph the shell rendered: hides values and gradients not yet
// computed, marks the current node, edges and equation, and updates the counter and live text.
// Class toggles only; the picture itself never changes.

export interface StepInfo {
  readonly index: number;
  readonly node: string;
  readonly phase: 'forward' | 'backward';
  readonly edges: readonly string[];
  readonly text: string;
}

/** Reads the steps from the shell's list items (data-node, data-phase, data-edges, data-text). */
export function readSteps(root: HTMLElement): StepInfo[] {
  return [...root.querySelectorAll<HTMLLIElement>('[data-nb-steps] > li')].map((li, index) => ({
    index,
    node: li.dataset['node'] ?? '',
    phase: li.dataset['phase'] === 'backward' ? 'backward' : 'forward',
    edges: (li.dataset['edges'] ?? '').split(' ').filter(Boolean),
    text: li.dataset['text'] ?? '',
  }));
}

/** The step at which each node's value (forward) or gradient (backward) becomes known. */
function knownAt(steps: readonly StepInfo[], phase: StepInfo['phase']): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of steps) if (s.phase === phase && !m.has(s.node)) m.set(s.node, s.index);
  return m;
}

const cache = new WeakMap<
  readonly StepInfo[],
  { fwd: Map<string, number>; bwd: Map<string, number> }
>();

/** Renders `step` (−1: before the first step) into the widget rooted at `root`. */
export function renderStep(root: HTMLElement, steps: readonly StepInfo[], step: number): void {
  let known = cache.get(steps);
  if (!known) {
    known = { fwd: knownAt(steps, 'forward'), bwd: knownAt(steps, 'backward') };
    cache.set(steps, known);
  }
  const firstBackward = steps.find((s) => s.phase === 'backward')?.index ?? Infinity;
  const current = steps[step];
  for (const g of root.querySelectorAll<SVGGElement>('[data-node]')) {
    if (!(g instanceof SVGGElement)) continue;
    const id = g.dataset['node'] ?? '';
    const fwdAt = known.fwd.get(id) ?? -1;
    const bwdAt = id === 'L' ? firstBackward : (known.bwd.get(id) ?? Infinity);
    g.querySelector('.nb-node-value')?.classList.toggle('nb-pending', fwdAt > step);
    g.querySelector('.nb-node-grad')?.classList.toggle('nb-pending', bwdAt > step);
    g.classList.toggle('is-current', current?.node === id);
  }
  const active = new Set(current?.edges ?? []);
  for (const e of root.querySelectorAll<SVGLineElement>('[data-edge]')) {
    e.classList.toggle('is-active', active.has(e.dataset['edge'] ?? ''));
  }
  for (const li of root.querySelectorAll<HTMLLIElement>('[data-nb-steps] > li')) {
    li.classList.toggle('is-current', Number(li.dataset['step']) === step);
  }
  const counter = root.querySelector<HTMLElement>('[data-nb-counter]');
  if (counter) {
    counter.textContent = current
      ? `Step ${step + 1} of ${steps.length} (${current.phase} pass)`
      : `Start (0 of ${steps.length} steps)`;
  }
  const live = root.querySelector<HTMLElement>('[data-nb-live]');
  if (live) {
    const text = current
      ? `Step ${step + 1} of ${steps.length}. ${current.text}`
      : (live.dataset['start'] ?? '');
    if (live.textContent !== text) live.textContent = text;
  }
  const buttons = (name: string) =>
    root.querySelector<HTMLButtonElement>(`[data-nb-step="${name}"]`);
  const atStart = step < 0;
  const atEnd = step >= steps.length - 1;
  for (const [name, disabled] of [
    ['first', atStart],
    ['previous', atStart],
    ['next', atEnd],
    ['last', atEnd],
  ] as const) {
    const b = buttons(name);
    // aria-disabled keeps the button focusable, so keyboard focus is not lost at either end.
    if (b) b.setAttribute('aria-disabled', String(disabled));
  }
}
