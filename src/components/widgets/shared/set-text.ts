// Browser: the text setter every live readout uses while training (see below).
/**
 * Sets an element's text by changing its one text node's data. Replacing the node (textContent)
 * inserts a node, and every insertion makes the page re-match its :has() rules (Starlight's
 * body:has(…), the wide frame's .main-pane:has(…)) over the whole lesson: at 30 frames a second
 * that was most of the main thread's style work while training (Chrome trace).
 */
export function setText(el: Element, text: string): void {
  const first = el.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE && !first.nextSibling) {
    const node = first as Text;
    if (node.data !== text) node.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}
