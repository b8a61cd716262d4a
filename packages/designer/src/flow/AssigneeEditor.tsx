import { type Assignee, localize, type Role, walkFields } from '@gongfang/schema';
import { useId, useState } from 'react';
import { formOf, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { ChoiceProp } from '../ui/props/controls.tsx';
import { useFlowT } from './messages.ts';
import { RoleSelect } from './RoleSelect.tsx';

type Kind = Assignee['kind'];
const KINDS: readonly Kind[] = ['role', 'initiatorLead', 'users', 'field'];

/** Who a task goes to: named users, a role, the initiator's lead (level), or a member field. */
export function AssigneeEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Assignee;
  /** `role`: a role the assignee names, to declare in the app. */
  onChange: (next: Assignee, role?: Role) => void;
}) {
  const t = useFlowT();
  const lang = useLang();
  const form = useDesignerState(formOf);
  const members = walkFields(form).filter((e) => e.field.type === 'member' && !e.path.includes('.'));
  const setKind = (kind: Kind | undefined) => {
    if (!kind || kind === value.kind) return;
    if (kind === 'users') onChange({ kind, users: [''] });
    else if (kind === 'role') onChange({ kind, role: '' });
    else if (kind === 'initiatorLead') onChange({ kind, level: 1 });
    else onChange({ kind, field: members[0]?.path ?? '' });
  };
  return (
    <fieldset className="dz-prop fz-assignee">
      <legend>{label}</legend>
      <ChoiceProp
        label={t('whoKind')}
        value={value.kind}
        choices={KINDS.map((k) => ({ value: k, label: t(`who_${k}`) }))}
        onChange={setKind}
      />
      {value.kind === 'role' ? (
        <RoleSelect
          label={t('role')}
          value={value.role}
          onChange={(role) => onChange({ kind: 'role', role: role?.id ?? '' }, role)}
        />
      ) : null}
      {value.kind === 'initiatorLead' ? (
        <ChoiceProp
          label={t('leadLevel')}
          value={String(value.level ?? 1)}
          choices={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('levelN', { n }) }))}
          onChange={(v) => onChange({ kind: 'initiatorLead', level: Number(v ?? 1) })}
        />
      ) : null}
      {value.kind === 'users' ? (
        <UsersInput label={t('users')} users={value.users} onChange={(users) => onChange({ kind: 'users', users })} />
      ) : null}
      {value.kind === 'field' ? (
        members.length ? (
          <ChoiceProp
            label={t('memberField')}
            value={value.field}
            choices={members.map((e) => ({ value: e.path, label: localize(e.field.label, lang) }))}
            onChange={(v) => onChange({ kind: 'field', field: v ?? '' })}
          />
        ) : (
          <p className="dz-hint">{t('noMemberField')}</p>
        )
      ) : null}
    </fieldset>
  );
}

/** User names typed with commas; the text is kept as typed, the list follows it. */
function UsersInput({
  label,
  users,
  onChange,
}: {
  label: string;
  users: readonly string[];
  onChange: (u: [string, ...string[]]) => void;
}) {
  const id = useId();
  const [text, setText] = useState(users.filter(Boolean).join(', '));
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const list = [...new Set(e.target.value.split(/[,，、\s]+/).filter(Boolean))];
          onChange(list.length ? (list as [string, ...string[]]) : ['']);
        }}
      />
    </div>
  );
}
