import { useSyncExternalStore } from 'react';
import { getServices } from '../data/services.ts';
import { signInAgain } from '../data/session.ts';
import { formatTime } from '../i18n.ts';
import { useApp } from './AppContext.ts';
import { href } from './router.ts';

/** Always visible: reachability, what waits to sync, the last sync, and the latest error. */
export function StatusBar() {
  const { t, lang } = useApp();
  const { sync } = getServices();
  const s = useSyncExternalStore(sync.status.subscribe, sync.status.getSnapshot);
  const attention = s.rejected + s.conflict;
  const error = s.lastError && s.lastError.code !== 'network' ? s.lastError.localized[lang] : undefined;
  return (
    <section className="app-status" aria-label={t('syncStatus')}>
      <span className={`app-pill ${s.online ? 'app-pill-ok' : 'app-pill-off'}`} role="status">
        {s.online ? t('online') : t('offline')}
      </span>
      <span role="status" className="app-status-count">
        {s.syncing ? t('syncing') : s.pending > 0 ? t('waiting', { n: s.pending }) : t('allSynced')}
      </span>
      {attention > 0 ? (
        <a className="app-pill app-pill-bad" href={href('submissions')}>
          {t('needAttention', { n: attention })}
        </a>
      ) : null}
      <span className="app-status-time">
        {s.lastSyncAt ? t('lastSync', { time: formatTime(s.lastSyncAt, lang) }) : t('neverSynced')}
      </span>
      {error ? (
        <span className="app-status-error" role="alert" title={error}>
          {error}
        </span>
      ) : null}
      {s.lastError?.code === 'signed-out' ? (
        <button type="button" className="app-link-button" onClick={() => void signInAgain()}>
          {t('signInAgain')}
        </button>
      ) : (
        <button type="button" className="app-link-button" onClick={() => void sync.syncNow()} disabled={!s.online}>
          {t('syncNow')}
        </button>
      )}
    </section>
  );
}
