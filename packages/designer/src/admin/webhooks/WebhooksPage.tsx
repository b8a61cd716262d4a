import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { Webhook } from '../api.ts';
import type { AdminKey } from '../i18n.ts';
import { ErrorNote, Loading, Notice, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';
import { Deliveries } from './Deliveries.tsx';
import { WebhookForm } from './WebhookForm.tsx';

/** Webhooks: DingTalk / WeCom robots or signed generic JSON, their events, a test send, the delivery log. */
export function WebhooksPage() {
  const { api, t } = useAdmin();
  const loaded = useLoad(() => api.webhooks(), [api]);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [logTick, setLogTick] = useState(0);
  const hooks = loaded.data ?? [];
  const selected = hooks.find((h) => h.id === shown) ?? hooks[0];

  const act = (run: () => Promise<unknown>, text: string) => {
    setError(undefined);
    setNotice(undefined);
    run().then(
      () => {
        setNotice(text);
        loaded.reload();
        setLogTick((n) => n + 1);
      },
      (e: unknown) => setError(e),
    );
  };

  return (
    <section className="ad-page">
      <PageHead
        id="ad-hooks-title"
        title={t('webhooks')}
        intro={t('webhooksIntro')}
        actions={
          <button type="button" className="ad-button is-primary" onClick={() => setEditing('new')}>
            {t('newWebhook')}
          </button>
        }
      />
      <Notice text={notice} />
      {secret ? (
        <p className="ad-note is-ok" role="status">
          {t('secretOnce')} <code className="ad-secret">{secret}</code>
        </p>
      ) : null}
      <ErrorNote error={error ?? loaded.error} onRetry={error ? undefined : loaded.reload} />
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.data && hooks.length === 0 ? <p className="ad-empty">{t('noWebhooks')}</p> : null}
      <ul className="ad-hooks" aria-labelledby="ad-hooks-title">
        {hooks.map((h) => (
          <li key={h.id} className={`ad-card ad-hook${selected?.id === h.id ? ' is-selected' : ''}`}>
            <div className="ad-hook-main">
              <h2>
                {h.name}
                <span className={`ad-status ${h.active ? 'is-ok' : 'is-off'}`}>
                  {h.active ? t('enabled') : t('inactive')}
                </span>
              </h2>
              <p className="ad-hint">
                {t(h.format as AdminKey)} · {t('secret')} {h.secretHint ?? '—'}
              </p>
              <p className="ad-mono ad-ellipsis ad-url" title={h.url}>
                {h.url}
              </p>
              <p className="ad-chips">
                {h.events.map((e) => (
                  <span key={e} className="ad-chip">
                    {t(e as AdminKey)}
                  </span>
                ))}
              </p>
            </div>
            <div className="ad-hook-actions">
              <button
                type="button"
                className="ad-button"
                aria-label={`${t('sendTest')} ${h.name}`}
                onClick={() => act(() => api.testWebhook(h.id), t('testQueued'))}
              >
                {t('sendTest')}
              </button>
              <button
                type="button"
                className="ad-button"
                aria-pressed={selected?.id === h.id}
                aria-label={t('deliveriesOf', { name: h.name })}
                onClick={() => setShown(h.id)}
              >
                {t('deliveries')}
              </button>
              <button
                type="button"
                className="ad-button"
                aria-label={t('editWebhook', { name: h.name })}
                onClick={() => setEditing(h)}
              >
                {t('edit')}
              </button>
              <button
                type="button"
                className="ad-button is-danger"
                aria-label={`${t('delete')} ${h.name}`}
                onClick={() => {
                  if (window.confirm(t('confirmDelete', { name: h.name })))
                    act(() => api.deleteWebhook(h.id), `${t('delete')} ✓`);
                }}
              >
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {selected ? <Deliveries webhook={selected} tick={logTick} /> : null}
      {editing ? (
        <WebhookForm
          webhook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(hook) => {
            setEditing(null);
            setNotice(t('saved'));
            setSecret(hook.secret);
            setShown(hook.id);
            loaded.reload();
          }}
        />
      ) : null}
    </section>
  );
}
