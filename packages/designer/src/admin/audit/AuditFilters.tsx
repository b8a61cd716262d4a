import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { AuditFilter, User } from '../api.ts';
import { type AdminKey, nameIn } from '../i18n.ts';
import { Field } from '../ui.tsx';
import { ENTITY_TYPES } from './entities.ts';

/** A date (local day) as the ISO instant the server filters on; `to` covers the whole day. */
function dayStart(date: string, plusDays = 0): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

export function AuditFilters({ users, onApply }: { users: User[]; onApply: (f: AuditFilter) => void }) {
  const { t, lang } = useAdmin();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const apply = () =>
    onApply({
      entityType: entityType || undefined,
      entityId: entityId.trim() || undefined,
      actorId: actorId || undefined,
      from: dayStart(from),
      to: dayStart(to, 1),
    });
  return (
    <form
      className="ad-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Field label={t('entity')}>
        {(p) => (
          <select {...p} className="ad-input" value={entityType} onChange={(e) => setEntityType(e.target.value)}>
            <option value="">{t('anyEntity')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entity.${type}` as AdminKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('entityId')}>
        {(p) => (
          <input {...p} className="ad-input ad-mono" value={entityId} onChange={(e) => setEntityId(e.target.value)} />
        )}
      </Field>
      <Field label={t('actor')}>
        {(p) => (
          <select {...p} className="ad-input" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">{t('anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {nameIn(u.displayName, lang, u.name)} ({u.name})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fromDate')}>
        {(p) => (
          <input {...p} className="ad-input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        )}
      </Field>
      <Field label={t('toDate')}>
        {(p) => <input {...p} className="ad-input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <div className="ad-filter-actions">
        <button type="submit" className="ad-button is-primary">
          {t('applyFilter')}
        </button>
        <button
          type="reset"
          className="ad-button is-quiet"
          onClick={() => {
            setEntityType('');
            setEntityId('');
            setActorId('');
            setFrom('');
            setTo('');
            onApply({});
          }}
        >
          {t('resetFilter')}
        </button>
      </div>
    </form>
  );
}
