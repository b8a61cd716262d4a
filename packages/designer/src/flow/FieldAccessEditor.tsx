import { localize, type NodeFieldAccess, walkFields } from '@gongfang/schema';
import { useId } from 'react';
import { formOf, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { Group } from '../ui/props/controls.tsx';
import { useFlowT } from './messages.ts';

type Access = 'read' | 'edit' | 'hidden';

/** Per header field of the form: read only (default), editable or hidden at this step. */
export function FieldAccessEditor({
  value,
  onChange,
  editable = true,
}: {
  value: NodeFieldAccess | undefined;
  onChange: (next: NodeFieldAccess | undefined) => void;
  /** CC recipients only read: no "editable". */
  editable?: boolean;
}) {
  const t = useFlowT();
  const lang = useLang();
  const id = useId();
  const form = useDesignerState(formOf);
  const fields = walkFields(form).filter((e) => !e.path.includes('.') && e.field.type !== 'section');
  const accessOf = (f: string): Access =>
    value?.editable?.includes(f) ? 'edit' : value?.hidden?.includes(f) ? 'hidden' : 'read';
  const set = (f: string, access: Access) => {
    const edit = (value?.editable ?? []).filter((x) => x !== f);
    const hidden = (value?.hidden ?? []).filter((x) => x !== f);
    if (access === 'edit') edit.push(f);
    if (access === 'hidden') hidden.push(f);
    const next: NodeFieldAccess = { ...(edit.length ? { editable: edit } : {}), ...(hidden.length ? { hidden } : {}) };
    onChange(Object.keys(next).length ? next : undefined);
  };
  const choices: Access[] = editable ? ['read', 'edit', 'hidden'] : ['read', 'hidden'];
  return (
    <Group title={t('fieldAccess')}>
      {fields.length === 0 ? <p className="dz-hint">{t('noFields')}</p> : null}
      <div className="fz-access">
        {fields.map((e, i) => (
          <div key={e.path} className="fz-access-row">
            <label htmlFor={`${id}-${i}`}>{localize(e.field.label, lang) || e.path}</label>
            <select
              id={`${id}-${i}`}
              value={accessOf(e.path)}
              onChange={(ev) => set(e.path, ev.target.value as Access)}
            >
              {choices.map((c) => (
                <option key={c} value={c}>
                  {t(`access_${c}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </Group>
  );
}
