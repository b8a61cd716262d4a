import type { DraftInput } from '@gongfang/offline';
import type { FormEngine } from '@gongfang/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getServices } from '../data/services.ts';

const DEBOUNCE_MS = 400;
/** The longest a change waits while the operator keeps typing: what a crash can lose at most. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;

/**
 * Saves the form as a draft while the operator types (debounced), and at once when the page is
 * hidden or the screen left, so a reload, a crash or a user switch loses nothing.
 */
export function useAutosave(
  engine: FormEngine,
  target: Omit<DraftInput, 'data' | 'baseRevision'> & { baseRevision: number | undefined },
) {
  const [savedAt, setSavedAt] = useState<number | undefined>(undefined);
  // True from the first change until it is on disk: the screen says "saving…" meanwhile.
  const [pending, setPending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  // When the oldest unsaved change was made: continuous typing must not postpone the save forever.
  const dirtySince = useRef(0);
  const { recordId, app, form, version, baseRevision } = target;

  const api = useMemo(() => {
    const { store } = getServices();
    const save = async () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
      if (!dirty.current) return;
      dirty.current = false;
      await store.saveDraft({
        recordId,
        app,
        form,
        version,
        data: engine.data(),
        ...(baseRevision === undefined ? {} : { baseRevision }),
      });
      if (!dirty.current) setPending(false);
      setSavedAt(Date.now());
    };
    return {
      save,
      flush: async () => {
        await save();
        await store.flushDrafts();
      },
      schedule: () => {
        if (!dirty.current) {
          setPending(true);
          dirtySince.current = Date.now();
        }
        dirty.current = true;
        if (timer.current !== undefined) clearTimeout(timer.current);
        const left = AUTOSAVE_MAX_WAIT_MS - (Date.now() - dirtySince.current);
        timer.current = setTimeout(() => void save(), Math.max(0, Math.min(DEBOUNCE_MS, left)));
      },
    };
  }, [engine, recordId, app, form, version, baseRevision]);

  useEffect(() => {
    const off = engine.subscribe('*', api.schedule);
    const onHide = () => void api.save();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      off();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void api.save();
    };
  }, [engine, api]);

  return { savedAt, pending, flush: api.flush };
}
