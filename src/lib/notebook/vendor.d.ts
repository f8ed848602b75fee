// Ambient types for the Observable packages the notebook uses (they ship no TypeScript types).
// Only the parts Neuronbook calls are declared.

declare module '@observablehq/parser' {
  import type { Node } from 'acorn';

  /** A parsed Observable JavaScript cell. */
  export interface ObservableCell extends Node {
    type: 'Cell';
    /** The declared name: an Identifier, a ViewExpression (viewof x) or MutableExpression. */
    id: (Node & { type: string; name?: string; id?: Node & { name: string } }) | null;
    /** An expression, a BlockStatement, an ImportDeclaration, or null for an empty cell. */
    body: (Node & { type: string }) | null;
    async: boolean;
    generator: boolean;
    /** Free references: Identifier nodes, or ViewExpression / MutableExpression nodes. */
    references: Array<Node & { type: string; name?: string; id?: Node & { name: string } }>;
  }

  export function parseCell(input: string, options?: Record<string, unknown>): ObservableCell;
  /** The name a cell declares, from its first tokens (works on cells that do not parse). */
  export function peekId(input: string): string | undefined;
  export const walk: import('acorn-walk').RecursiveVisitors<unknown>;
}

declare module '@observablehq/runtime' {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export interface Variable {
    define(name: string | null, inputs: string[], definition: unknown): Variable;
    define(inputs: string[], definition: unknown): Variable;
    delete(): void;
  }
  export interface Module {
    variable(
      observer?: Observer | boolean,
      options?: { shadow?: Record<string, unknown> },
    ): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}

declare module '@observablehq/stdlib' {
  export class Library {
    constructor(resolver?: unknown);
    Generators: Record<string, (...args: unknown[]) => unknown>;
    Promises: Record<string, (...args: unknown[]) => unknown>;
    DOM: Record<string, (...args: unknown[]) => unknown>;
    html: () => unknown;
    svg: () => unknown;
    now: () => unknown;
    width: () => unknown;
    Mutable: () => unknown;
  }
}

declare module '@observablehq/inputs' {
  const Inputs: Record<string, (...args: unknown[]) => HTMLElement>;
  export = Inputs;
}
