import type { AppDefinition } from '@gongfang/schema';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { EMPTY_DIRECTORY } from '../../ports/directory.ts';
import { RuntimeProvider } from '../../RuntimeContext.tsx';
import { loadDirectory, offlineAttachments, offlineRecords } from '../data/ports.ts';
import { getServices } from '../data/services.ts';
import { knownOperators } from '../data/session.ts';
import { useApp } from './AppContext.ts';

/** The form renderer's ports for one app, backed by the offline store. */
export function AppRuntime({ app, children }: { app: AppDefinition; children: ReactNode }) {
  const { lang } = useApp();
  const { store } = getServices();
  const attachments = useMemo(() => offlineAttachments(store, lang), [store, lang]);
  const records = useMemo(() => offlineRecords(store, app.id), [store, app.id]);
  const [directory, setDirectory] = useState(EMPTY_DIRECTORY);
  useEffect(() => {
    let alive = true;
    void loadDirectory(lang, knownOperators()).then((d) => {
      if (alive) setDirectory(d);
    });
    return () => {
      alive = false;
    };
  }, [lang]);
  return (
    <RuntimeProvider
      lang={lang}
      directory={directory}
      roles={app.roles ?? []}
      attachments={attachments}
      records={records}
    >
      {children}
    </RuntimeProvider>
  );
}
