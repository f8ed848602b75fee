// Runs a callback once when an element first comes near the viewport (IntersectionObserver).
// Widgets use it to load heavy code (tfjs, models) only when the reader scrolls to them.

/**
 * Calls `cb` once, the first time `el` is within `rootMargin` of the viewport (default 200px
 * ahead). Where IntersectionObserver is missing it calls `cb` on the next task. Returns a disposer
 * that cancels a pending call.
 */
export function onVisible(el: Element, cb: () => void, rootMargin = '200px'): () => void {
  let done = false;
  if (typeof IntersectionObserver === 'undefined') {
    const t = setTimeout(() => {
      done = true;
      cb();
    }, 0);
    return () => clearTimeout(t);
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (done || !entries.some((e) => e.isIntersecting)) return;
      done = true;
      io.disconnect();
      cb();
    },
    { rootMargin },
  );
  io.observe(el);
  return () => {
    done = true;
    io.disconnect();
  };
}
