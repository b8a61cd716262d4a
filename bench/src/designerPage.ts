/**
 * Code that runs inside the designer page (as strings: the bench package has no DOM types).
 * A stand-in for React DevTools' global hook counts commits and the components each one rendered,
 * which works on the production build: React calls `onCommitFiberRoot` whenever the hook exists.
 */
export const RENDER_COUNTER = `
(() => {
  const COMPONENT = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const ids = new WeakMap();
  const seen = new Map();
  let nextId = 1;
  const stats = { commits: 0, renders: 0, byName: {} };
  const nameOf = (f) => {
    const t = f.type && (f.type.type || f.type.render || f.type);
    return (f.type && f.type.displayName) || (t && (t.displayName || t.name)) || 'anonymous';
  };
  const idOf = (f) => {
    let id = ids.get(f) ?? (f.alternate && ids.get(f.alternate));
    if (!id) id = nextId++;
    ids.set(f, id);
    if (f.alternate) ids.set(f.alternate, id);
    return id;
  };
  // A component rendered in this commit when its props or state object is not the one it had at the
  // last commit (a memo bailout keeps both; an untouched subtree keeps both).
  const walk = (root) => {
    const stack = [root];
    while (stack.length) {
      const f = stack.pop();
      if (COMPONENT.has(f.tag)) {
        const id = idOf(f);
        const last = seen.get(id);
        if (!last || last.p !== f.memoizedProps || last.s !== f.memoizedState) {
          stats.renders++;
          if (window.__benchByName) stats.byName[nameOf(f)] = (stats.byName[nameOf(f)] ?? 0) + 1;
        }
        seen.set(id, { p: f.memoizedProps, s: f.memoizedState });
      }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  let lastRoot = null;
  window.__benchRenders = stats;
  // Records every component's current props and state, so the next commit counts only what changed.
  window.__benchPrime = () => {
    if (lastRoot) walk(lastRoot.current);
    stats.commits = 0;
    stats.renders = 0;
    stats.byName = {};
  };
  window.__benchCountRenders = false;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      lastRoot = root;
      stats.commits++;
      if (window.__benchCountRenders) walk(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})();
`;

/**
 * Arms a one-shot timer: from the next `type` event to the frame after it has been painted; the
 * result lands in `window.__benchPaint` (returning at once: a pending evaluate during input is fragile).
 */
export const ARM_NEXT_PAINT = `(type) => {
  window.__benchPaint = undefined;
  window.addEventListener(type, (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__benchPaint = performance.now() - t0; };
      ch.port2.postMessage(0);
    });
  }, { capture: true, once: true });
}`;

/**
 * Fills the open form with `n` fields (a third of them numbers) labelled as the peer list's items
 * ("Number 1", "Text 2", …), ids f1…fn, and loads it, so history starts empty.
 */
export const BUILD_FORM = `(n) => {
  const d = window.designer;
  for (let i = 0; i < n; i++) {
    const number = i % 3 === 0;
    const key = d.addField(number ? 'number' : 'text');
    d.setLabel(key, 'en', (number ? 'Number ' : 'Text ') + (i + 1));
    // An id of its own, as fields of a form in use have: the id no longer follows the label, so a
    // label edit is a property edit (a new field's id following its label is another case).
    d.setId(d.state.ui.selection[0], 'f' + (i + 1));
  }
  d.load(d.doc);
  return d.doc.forms[0].fields.length;
}`;
