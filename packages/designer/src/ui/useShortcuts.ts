import { useEffect } from 'react';
import type { Designer } from '../store/Designer.ts';

function editing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/**
 * Ctrl/Cmd+Z undo, Shift+Z (or Ctrl+Y) redo, C/V copy-paste, D duplicate, Delete removes the
 * selection, Escape clears it. Inside text inputs the browser's own undo and clipboard apply.
 */
export function useShortcuts(designer: Designer): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (editing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) designer.redo();
        else designer.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        designer.redo();
      } else if (mod && key === 'd') {
        e.preventDefault();
        designer.duplicate();
      } else if ((key === 'delete' || key === 'backspace') && designer.state.ui.selection.length > 0) {
        e.preventDefault();
        designer.deleteFields();
      } else if (key === 'escape' && !designer.state.ui.dragging) {
        designer.select([]);
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (editing(e.target) || designer.state.ui.selection.length === 0) return;
      const text = designer.copy();
      if (!text) return;
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (editing(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') || designer.clipboard;
      if (designer.paste(text).length > 0) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [designer]);
}
