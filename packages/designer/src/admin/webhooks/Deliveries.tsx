import { useAdmin } from '../AdminContext.ts';
import type { Webhook } from '../api.ts';
import type { AdminKey } from '../i18n.ts';
import { ErrorNote, formatTime } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';

/** The delivery log of one webhook: every attempt with its status code, latency and error. */
export function Deliveries({ webhook, tick }: { webhook: Webhook; tick: number }) {
  const { api, t, lang } = useAdmin();
  const log = useLoad(() => api.deliveries(webhook.id), [api, webhook.id, tick]);
  const title = t('deliveriesOf', { name: webhook.name });
  return (
    <section className="ad-card ad-deliveries" aria-label={title}>
      <header className="ad-diff-head">
        <h2>{title}</h2>
        <button type="button" className="ad-button" onClick={log.reload}>
          {t('refresh')}
        </button>
      </header>
      <ErrorNote error={log.error} onRetry={log.reload} />
      <table className="ad-table" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('events')}</th>
            <th scope="col" className="is-num">
              {t('attempt')}
            </th>
            <th scope="col">{t('result')}</th>
            <th scope="col" className="is-num">
              HTTP
            </th>
            <th scope="col" className="is-num">
              {t('latency')}
            </th>
            <th scope="col">{t('error')}</th>
          </tr>
        </thead>
        <tbody>
          {(log.data ?? []).map((d) => (
            <tr key={d.id}>
              <td className="ad-nowrap">{formatTime(d.at, lang)}</td>
              <td>{t(d.event as AdminKey) || d.event}</td>
              <td className="is-num">{d.attempt}</td>
              <td>
                <span className={`ad-status ${d.ok ? 'is-ok' : 'is-bad'}`}>{d.ok ? t('ok') : t('failed')}</span>
              </td>
              <td className="is-num">{d.statusCode ?? '—'}</td>
              <td className="is-num">{d.latencyMs} ms</td>
              <td className="ad-error-text">{d.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.data && log.data.length === 0 ? <p className="ad-empty">{t('noDeliveries')}</p> : null}
    </section>
  );
}
