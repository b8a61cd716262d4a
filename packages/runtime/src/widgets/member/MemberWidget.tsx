import type { MemberField } from '@gongfang/schema';
import { useId, useMemo, useState } from 'react';
import type { Member } from '../../ports/directory.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asList, asText } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

/**
 * Picks people from the directory: a button shows who is chosen and opens a searchable list of big
 * rows (only people holding one of `roles` when the field says so). Stores user ids.
 */
function MemberWidget(p: WidgetProps<MemberField>) {
  const { t, directory } = useRuntime();
  const { field } = p;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const panelId = useId();
  const selected = field.multiple ? asList(p.value) : asText(p.value) ? [asText(p.value)] : [];
  const byId = useMemo(() => new Map(directory.members.map((m) => [m.id, m])), [directory]);
  const eligible = useMemo(
    () => directory.members.filter((m) => !field.roles || m.roles.some((r) => field.roles?.includes(r))),
    [directory, field.roles],
  );
  const q = query.trim().toLowerCase();
  const shown = q ? eligible.filter((m) => matches(m, q)) : eligible;
  const names = selected.map((id) => byId.get(id)?.name ?? id);

  const pick = (id: string) => {
    if (!field.multiple) {
      p.onChange(id);
      setOpen(false);
      return;
    }
    p.onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  };

  return (
    <div className="gf-member">
      <button
        type="button"
        className="gf-input gf-picker-button"
        id={p.id}
        aria-labelledby={`${p.labelId} ${p.id}-value`}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid || undefined}
        aria-expanded={open}
        aria-controls={panelId}
        disabled={p.readOnly}
        onClick={() => setOpen((o) => !o)}
      >
        <span id={`${p.id}-value`} className={names.length ? '' : 'gf-placeholder'}>
          {names.length ? names.join('、') : t('none')}
        </span>
        {p.readOnly ? null : <span aria-hidden="true">▾</span>}
      </button>
      {open ? (
        <div className="gf-popover" id={panelId}>
          <input
            type="search"
            className="gf-input"
            aria-label={t('searchPeople')}
            placeholder={t('searchPeople')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className="gf-pick-list" aria-label={t('pickPeople', { label: p.label })}>
            {shown.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="gf-pick-item"
                  aria-pressed={selected.includes(m.id)}
                  onClick={() => pick(m.id)}
                >
                  <span>{m.name}</span>
                  {m.detail ? <small>{m.detail}</small> : null}
                </button>
              </li>
            ))}
            {shown.length === 0 ? <li className="gf-empty">{t('noMatches')}</li> : null}
          </ul>
          {field.multiple ? (
            <button type="button" className="gf-button" onClick={() => setOpen(false)}>
              {t('done')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function matches(m: Member, q: string): boolean {
  return (
    m.name.toLowerCase().includes(q) || m.id.toLowerCase().includes(q) || (m.detail?.toLowerCase().includes(q) ?? false)
  );
}

export const memberWidget: WidgetSpec<MemberField> = { component: MemberWidget };
