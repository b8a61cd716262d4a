import { DEFAULT_LANG, type Lang, type LocalizedText, localize, type Role } from '@gongfang/schema';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Translate, translate } from './i18n/messages.ts';
import { type AttachmentStore, createMemoryAttachments } from './ports/attachments.ts';
import { type Directory, EMPTY_DIRECTORY } from './ports/directory.ts';
import { NO_RECORDS, type RecordSource } from './ports/records.ts';

/** What widgets need from the app around them: language, people, roles, files and other records. */
export interface RuntimeServices {
  lang: Lang;
  t: Translate;
  /** Localizes user-authored text in the current language. */
  text: (value: LocalizedText | undefined) => string;
  directory: Directory;
  roles: readonly Role[];
  attachments: AttachmentStore;
  records: RecordSource;
}

const fallbackAttachments = createMemoryAttachments();

const RuntimeContext = createContext<RuntimeServices>(makeServices({}));

export interface RuntimeProviderProps {
  lang?: Lang;
  directory?: Directory;
  roles?: readonly Role[];
  attachments?: AttachmentStore;
  records?: RecordSource;
  children: ReactNode;
}

function makeServices(p: Omit<RuntimeProviderProps, 'children'>): RuntimeServices {
  const lang = p.lang ?? DEFAULT_LANG;
  return {
    lang,
    t: translate(lang),
    text: (value) => localize(value, lang),
    directory: p.directory ?? EMPTY_DIRECTORY,
    roles: p.roles ?? [],
    attachments: p.attachments ?? fallbackAttachments,
    records: p.records ?? NO_RECORDS,
  };
}

/** Supplies language and the device ports to every form below it. */
export function RuntimeProvider({ lang, directory, roles, attachments, records, children }: RuntimeProviderProps) {
  const value = useMemo(
    () => makeServices({ lang, directory, roles, attachments, records }),
    [lang, directory, roles, attachments, records],
  );
  return <RuntimeContext.Provider value={value}>{children}</RuntimeContext.Provider>;
}

export function useRuntime(): RuntimeServices {
  return useContext(RuntimeContext);
}
