import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useAdmin } from './AdminContext.ts';

/** A side panel for one editor: a modal dialog that Escape closes and that takes the focus. */
export function Drawer({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useAdmin();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input:not([readonly]), select, textarea, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  return (
    <div className="ad-scrim">
      <div ref={ref} className="ad-drawer" role="dialog" aria-modal="true" aria-labelledby={id}>
        <header className="ad-drawer-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="ad-button is-quiet" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="ad-drawer-body">{children}</div>
      </div>
    </div>
  );
}
