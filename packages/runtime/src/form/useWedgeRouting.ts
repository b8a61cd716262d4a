import { type RefObject, useEffect } from 'react';
import { SCAN_EVENT, WedgeDetector } from '../scan/WedgeDetector.ts';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * Scans that arrive while no text box has focus (the tablet is idle, or a button was just tapped)
 * go to the form's default scan target: a sub-table with scan-to-add, else its first barcode field.
 * Focused text boxes keep their keys: a barcode box detects scans itself, other boxes just type.
 */
export function useWedgeRouting(
  formRef: RefObject<HTMLFormElement | null>,
  /** Mounts fields not in the DOM yet (a long form's later sections), so a scan is never dropped. */
  mountAll?: RefObject<() => void>,
): void {
  useEffect(() => {
    const detector = new WedgeDetector();
    const onKeyDown = (e: KeyboardEvent) => {
      const form = formRef.current;
      const target = e.target instanceof Element ? e.target : null;
      if (!form || target?.closest(EDITABLE)) return;
      const active = document.activeElement;
      const ours =
        active && active !== document.body ? form.contains(active) : document.querySelector('.gf-form') === form;
      if (!ours) return;
      // When the key arrived, not when this handler got to run (see BarcodeInput).
      const code = detector.key(e.key, e.timeStamp);
      if (code === undefined) return;
      e.preventDefault();
      const find = () =>
        form.querySelector('[data-gf-scan-target="subtable"]') ?? form.querySelector('[data-gf-scan-target="field"]');
      let dest = find();
      if (!dest && mountAll?.current) {
        mountAll.current();
        dest = find();
      }
      dest?.dispatchEvent(new CustomEvent(SCAN_EVENT, { detail: code }));
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [formRef, mountAll]);
}
