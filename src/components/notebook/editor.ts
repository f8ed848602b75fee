// Browser: the CodeMirror 6 editor for an editable notebook cell. Loaded with the runtime when a
// notebook with editable cells scrolls into view, never in a page's initial JavaScript.
//
// Keys: Shift+Enter (or Ctrl/Cmd+Enter) runs the cell; Tab indents; Escape then Tab leaves the
// editor (CodeMirror's tab-focus mode: after Escape, Tab moves focus for 2 s), so the editor never
// traps focus; Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo.
import { EditorView, keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

export interface CellEditor {
  getDoc(): string;
  setDoc(text: string): void;
  focus(): void;
  destroy(): void;
}

export interface CellEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** id of the visible label of the editor (aria-labelledby). */
  labelledBy: string;
  /** id of the text explaining the keys (aria-describedby). */
  describedBy?: string;
  onRun: () => void;
  onChange: (doc: string) => void;
}

// Colours come from CSS custom properties (notebook.css), so light and dark themes both pass
// contrast checks.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword], class: 'nb-tok-keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], class: 'nb-tok-string' },
  { tag: [tags.number, tags.bool, tags.null], class: 'nb-tok-number' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], class: 'nb-tok-comment' },
  {
    tag: [tags.function(tags.variableName), tags.definition(tags.variableName)],
    class: 'nb-tok-def',
  },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--nb-code-fg)',
    backgroundColor: 'var(--nb-code-bg)',
    border: '1px solid var(--nb-border)',
    borderRadius: '0.25rem',
  },
  '&.cm-focused': { outline: '3px solid var(--sl-color-accent)', outlineOffset: '2px' },
  '.cm-content': {
    fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)',
    fontSize: 'var(--sl-text-code, 0.875rem)',
    caretColor: 'var(--nb-code-fg)',
    padding: '0.5rem 0',
  },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--nb-code-fg)' },
  '&.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--nb-selection)' },
});

/** Creates an editor in `parent`, replacing nothing: the caller hides the static code listing. */
export function createCellEditor(opts: CellEditorOptions): CellEditor {
  const run = () => {
    opts.onRun();
    return true;
  };
  const attrs: Record<string, string> = {
    'aria-labelledby': opts.labelledBy,
    'aria-multiline': 'true',
  };
  if (opts.describedBy) attrs['aria-describedby'] = opts.describedBy;
  const view = new EditorView({
    parent: opts.parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        javascript(),
        syntaxHighlighting(highlight),
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of(attrs),
        history(),
        Prec.highest(
          keymap.of([
            { key: 'Shift-Enter', run },
            { key: 'Mod-Enter', run },
          ]),
        ),
        // Tab indents; Escape then Tab leaves (CodeMirror's tab-focus mode), so no focus trap.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getDoc: () => view.state.doc.toString(),
    setDoc(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
