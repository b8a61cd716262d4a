import { useEffect, useState } from 'react';
import type { Designer } from '../store/Designer.ts';
import { Autosaver, type AutosaveStatus } from './autosave.ts';
import type { DraftClient } from './draftClient.ts';

export type { AutosaveStatus };

const running = new WeakMap<Designer, Autosaver>();

/** Saves what is waiting now (before a publish); resolves at once when nothing is. */
export async function flushAutosave(designer: Designer): Promise<void> {
  const saver = running.get(designer);
  if (!saver) return;
  // A save already on its way carries the current revision: wait for it rather than race it.
  while (saver.status.state === 'saving') await new Promise((r) => setTimeout(r, 50));
  await saver.flush();
}

/** Saves the draft a moment after the last change while the designer is open; undefined without a client. */
export function useAutosave(designer: Designer, client: DraftClient | undefined): AutosaveStatus | undefined {
  const [status, setStatus] = useState<AutosaveStatus | undefined>(undefined);
  useEffect(() => {
    if (!client) return;
    const saver = new Autosaver(designer, client);
    running.set(designer, saver);
    setStatus(saver.status);
    const off = saver.onChange(() => setStatus(saver.status));
    return () => {
      off();
      saver.dispose();
      if (running.get(designer) === saver) running.delete(designer);
    };
  }, [designer, client]);
  return status;
}
