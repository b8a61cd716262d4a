import { useSyncExternalStore } from 'react';
import { applyUpdate, updateReady } from '../pwa/registerWorker.ts';
import { useApp } from './AppContext.ts';

/** "Update available — reload" when a new build's service worker is waiting. */
export function UpdatePrompt() {
  const { t } = useApp();
  const ready = useSyncExternalStore(updateReady.subscribe, updateReady.get);
  if (!ready) return null;
  return (
    <div className="app-update" role="alert">
      <span>{t('updateReady')}</span>
      <button type="button" className="gf-button gf-primary" onClick={applyUpdate}>
        {t('reload')}
      </button>
    </div>
  );
}
