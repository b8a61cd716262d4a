import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { Webhook, WebhookFormat, WebhookInput } from '../api.ts';
import { Drawer } from '../Drawer.tsx';
import { ErrorNote, Field } from '../ui.tsx';

const FORMATS: WebhookFormat[] = ['dingtalk', 'wecom', 'generic'];
const EVENTS = ['task.created', 'record.approved', 'record.rejected', 'record.returned', 'exception.opened'] as const;

export function WebhookForm({
  webhook,
  onClose,
  onSaved,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  onSaved: (hook: Webhook) => void;
}) {
  const { api, t } = useAdmin();
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? 'dingtalk');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? ['task.created', 'exception.opened']);
  const [secret, setSecret] = useState('');
  const [active, setActive] = useState(webhook?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = () => {
    const input: WebhookInput = { name: name.trim(), url: url.trim(), format, events, active };
    if (secret) input.secret = secret;
    setBusy(true);
    setError(undefined);
    (webhook ? api.updateWebhook(webhook.id, input) : api.createWebhook(input)).then(onSaved, (e: unknown) => {
      setError(e);
      setBusy(false);
    });
  };

  return (
    <Drawer title={webhook ? t('editWebhook', { name: webhook.name }) : t('newWebhook')} onClose={onClose}>
      <form
        className="ad-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={t('webhookName')}>
          {(p) => <input {...p} className="ad-input" required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <fieldset className="ad-fieldset">
          <legend>{t('format')}</legend>
          <div className="ad-checks">
            {FORMATS.map((f) => (
              <label key={f} className="ad-check">
                <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} />
                <span>{t(f)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('url')} wide>
          {(p) => (
            <input
              {...p}
              className="ad-input ad-mono"
              type="url"
              required
              placeholder={
                format === 'dingtalk'
                  ? 'https://oapi.dingtalk.com/robot/send?access_token=…'
                  : format === 'wecom'
                    ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
                    : 'https://'
              }
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="ad-fieldset">
          <legend>{t('events')}</legend>
          <div className="ad-checks">
            {EVENTS.map((ev) => (
              <label key={ev} className="ad-check">
                <input
                  type="checkbox"
                  checked={events.includes(ev)}
                  onChange={(e) => setEvents((old) => (e.target.checked ? [...old, ev] : old.filter((x) => x !== ev)))}
                />
                <span>{t(ev)}</span>
                <code className="ad-muted">{ev}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('secret')} hint={`${t('secretHint')}${webhook?.secretHint ? ` (${webhook.secretHint})` : ''}`}>
          {(p) => (
            <input
              {...p}
              className="ad-input ad-mono"
              type="password"
              autoComplete="new-password"
              minLength={8}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        <label className="ad-check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('enabled')}</span>
        </label>
        <ErrorNote error={error} />
        <div className="ad-form-actions">
          <button type="button" className="ad-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="ad-button is-primary" disabled={busy || events.length === 0}>
            {webhook ? t('save') : t('create')}
          </button>
        </div>
      </form>
    </Drawer>
  );
}
