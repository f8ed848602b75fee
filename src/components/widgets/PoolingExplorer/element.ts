// <nb-pool-explorer>: the custom element. It mounts the controller (maps, canvases, controls)
// when connected; the shell loads this module lazily, near the viewport.
import { mountPoolExplorer } from './controller.ts';
import type { WidgetState } from '../../../lib/quiz/widget-contract.ts';

export interface PoolController {
  quizState(): WidgetState;
  /** Puts the explorer back into a state quizState() returned; false if it cannot. */
  restore(state: WidgetState): boolean;
  dispose(): void;
}

class PoolExplorerElement extends HTMLElement {
  #controller: PoolController | null = null;

  connectedCallback(): void {
    this.#controller ??= mountPoolExplorer(this);
    this.dataset['ready'] = '';
  }

  /** Quiz contract: pooling kind, window, stride, shift, selected cell and the measured change. */
  quizState(): WidgetState {
    return this.#controller?.quizState() ?? null;
  }

  /** Quiz contract, rule 5: restore a stored answer's settings. */
  restoreQuizState(state: WidgetState): boolean {
    return this.#controller?.restore(state) ?? false;
  }

  disconnectedCallback(): void {
    this.#controller?.dispose();
    this.#controller = null;
  }
}

if (!customElements.get('nb-pool-explorer'))
  customElements.define('nb-pool-explorer', PoolExplorerElement);
