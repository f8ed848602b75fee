// <nb-conv-explorer>: the custom element. It mounts the controller (maps, canvases, kernel
// editing, drawing) when connected; the shell loads this module lazily, near the viewport.
import { mountConvExplorer } from './controller.ts';
import type { WidgetState } from '../../../lib/quiz/widget-contract.ts';

export interface ConvController {
  quizState(): WidgetState;
  /** Puts the explorer back into a state quizState() returned; false if it cannot. */
  restore(state: WidgetState): boolean;
  /** The numbers behind the two maps (for tests and the pooling explorer's claims). */
  maps(): { size: number; before: number[]; after: number[] };
  dispose(): void;
}

class ConvExplorerElement extends HTMLElement {
  #controller: ConvController | null = null;

  connectedCallback(): void {
    this.#controller ??= mountConvExplorer(this);
    this.dataset['ready'] = '';
  }

  /** Quiz contract: kernel, stride, padding, window position and the input image. */
  quizState(): WidgetState {
    return this.#controller?.quizState() ?? null;
  }

  /** Quiz contract, rule 5: restore a stored answer's settings. */
  restoreQuizState(state: WidgetState): boolean {
    return this.#controller?.restore(state) ?? false;
  }

  maps(): ReturnType<ConvController['maps']> | null {
    return this.#controller?.maps() ?? null;
  }

  disconnectedCallback(): void {
    this.#controller?.dispose();
    this.#controller = null;
  }
}

if (!customElements.get('nb-conv-explorer'))
  customElements.define('nb-conv-explorer', ConvExplorerElement);
