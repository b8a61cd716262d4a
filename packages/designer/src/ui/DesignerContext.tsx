import type { Lang } from '@gongfang/schema';
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { type Translate, translate } from '../i18n/messages.ts';
import type { Designer } from '../store/Designer.ts';
import type { DesignerState } from '../store/DesignerCore.ts';

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const d = useContext(DesignerContext);
  if (!d) throw new Error('useDesigner outside <DesignerContext>');
  return d;
}

/** Subscribes to the smallest slice a component needs (re-renders when it changes, by Object.is). */
export function useDesignerState<T>(selector: (s: DesignerState) => T): T {
  return useStore(useDesigner().store, selector);
}

/** The same, compared shallowly (lists of keys). */
export function useDesignerList<T>(selector: (s: DesignerState) => T): T {
  return useStore(useDesigner().store, useShallow(selector));
}

export function useLang(): Lang {
  return useDesignerState((s) => s.ui.lang);
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translate(lang), [lang]);
}

/** The open form of a state. */
export function formOf(s: DesignerState) {
  return s.doc.forms[s.ui.formIndex] ?? s.doc.forms[0]!;
}
