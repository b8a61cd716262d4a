import type { DraftInput } from '@gongfang/offline';
import type { FormEngine } from '@gongfang/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getServices } from '../data/services.ts';

const DEBOUNCE_MS = 400;

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
        if (!dirty.current) setPending(true);
        dirty.current = true;
        if (timer.current !== undefined) clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
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
