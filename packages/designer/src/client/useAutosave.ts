import { useEffect, useState } from 'react';
import type { Designer } from '../store/Designer.ts';
import { Autosaver, type AutosaveStatus } from './autosave.ts';
import type { DraftClient } from './draftClient.ts';

export type { AutosaveStatus };

/** Saves the draft a moment after the last change while the designer is open; undefined without a client. */
export function useAutosave(designer: Designer, client: DraftClient | undefined): AutosaveStatus | undefined {
  const [status, setStatus] = useState<AutosaveStatus | undefined>(undefined);
  useEffect(() => {
    if (!client) return;
    const saver = new Autosaver(designer, client);
    setStatus(saver.status);
    const off = saver.onChange(() => setStatus(saver.status));
    return () => {
      off();
      saver.dispose();
    };
  }, [designer, client]);
  return status;
}
