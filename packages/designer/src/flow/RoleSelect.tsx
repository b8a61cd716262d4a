import { localize, type Role } from '@gongfang/schema';
import { useId } from 'react';
import { useLang } from '../ui/DesignerContext.tsx';
import { useFlowT } from './messages.ts';
import { useRoleChoices } from './useRoleChoices.ts';

/** A role from the app's roles and the organization's; `onChange` gets the role to declare. */
export function RoleSelect({
  label,
  value,
  onChange,
  noneLabel,
}: {
  label: string;
  value: string | undefined;
  onChange: (role: Role | undefined) => void;
  noneLabel?: string;
}) {
  const t = useFlowT();
  const lang = useLang();
  const id = useId();
  const choices = useRoleChoices();
  const known = value === undefined || value === '' || choices.some((r) => r.id === value);
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(choices.find((r) => r.id === e.target.value))}>
        <option value="">{noneLabel ?? t('pickRole')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {choices.map((r) => (
          <option key={r.id} value={r.id}>
            {localize(r.name, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
