import type { DraftInput } from '@gongfang/offline';
import type { FormEngine } from '@gongfang/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { attachmentIds } from '../data/fileRefs.ts';
import { getServices } from '../data/services.ts';

const DEBOUNCE_MS = 400;
/** A save that failed (a full device, a closed database) is tried again after this long. */
const RETRY_MS = 5000;
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
  // Files the form showed at the last save: one gone from it has its space given back.
  const shownFiles = useRef<string[]>([]);
  const { recordId, app, form, version, baseRevision } = target;

  const api = useMemo(() => {
    const { store } = getServices();
    shownFiles.current = attachmentIds(engine.data());
    const save = async (): Promise<void> => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
      if (!dirty.current) return;
      dirty.current = false;
      const data = engine.data();
      const files = attachmentIds(data);
      const removed = shownFiles.current.some((id) => !files.includes(id));
      shownFiles.current = files;
      let failure: unknown;
      try {
        await store.saveDraft({
          recordId,
          app,
          form,
          version,
          data,
          ...(baseRevision === undefined ? {} : { baseRevision }),
        });
      } catch (error) {
        // Not on disk: tried again in a while (or by the next change, or the submit's flush).
        dirty.current = true;
        dirtySince.current = Date.now();
        failure = error;
        timer.current ??= setTimeout(() => void save().catch(() => undefined), RETRY_MS);
      }
      if (removed) {
        // A removed photo's blob goes now, the screen's values standing in for a draft a full
        // device could not save; then the draft is saved again into the space that came back.
        await store.collectAttachments({ editing: [{ recordId, data }] }).catch(() => undefined);
        if (failure !== undefined) return save();
      }
      if (failure !== undefined) throw failure;
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
        timer.current = setTimeout(() => void save().catch(() => undefined), Math.max(0, Math.min(DEBOUNCE_MS, left)));
      },
    };
  }, [engine, recordId, app, form, version, baseRevision]);

  useEffect(() => {
    const off = engine.subscribe('*', api.schedule);
    // The store sees this form: its photos are not collected, and a sign-out or user switch saves
    // its pending edits first.
    const close = getServices().store.openEditor({ recordId, data: () => engine.data(), save: api.save });
    const onHide = () => void api.save().catch(() => undefined);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      off();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void api
        .save()
        .catch(() => undefined)
        .finally(close);
    };
  }, [engine, api, recordId]);

  return { savedAt, pending, flush: api.flush };
}
