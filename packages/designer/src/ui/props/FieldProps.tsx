import type { Validation } from '@gongfang/schema';
import { useEffect, useId, useState } from 'react';
import { type AnyField, FIELD_TYPE_INFO, type FieldType } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { BoolProp, Group, LocalizedProp, NumberProp } from './controls.tsx';
import { ExpressionEditor } from './ExpressionEditor.tsx';
import { TypeProps } from './TypeProps.tsx';

/** Every property of one field: common ones, its type's own, then its rules. */
export function FieldProps({ fieldKey }: { fieldKey: string }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const field = useDesignerState((s) => indexOf(formOf(s)).get(fieldKey)?.field);
  const focus = useDesignerState((s) => (s.ui.reveal?.key === fieldKey ? s.ui.reveal : null));
  if (!field) return null;
  const type = field.type as FieldType;
  const holdsValue = type !== 'section';
  const inSubtable = fieldKey.includes('.');
  const set = (prop: string) => (v: unknown) => designer.setProp(fieldKey, prop, v);
  const text = (prop: string) => (l: 'zh-CN' | 'en', s: string) => designer.setText(fieldKey, prop, l, s);
  const v = field as unknown as Record<string, unknown>;
  return (
    <div className="dz-props-body">
      <h2 className="dz-panel-title">
        <Icon name={type} /> {FIELD_TYPE_INFO[type]?.name[lang] ?? type}
      </h2>
      <LocalizedProp label={t('label')} value={field.label} onChange={(l, s) => designer.setLabel(fieldKey, l, s)} />
      <IdProp fieldKey={fieldKey} id={field.id} />
      <LocalizedProp label={t('help')} value={field.help} onChange={text('help')} multiline />
      {holdsValue ? (
        <div className="dz-prop-inline">
          <BoolProp
            label={t('required')}
            value={v.required as boolean | undefined}
            onChange={(b) => set('required')(b || undefined)}
          />
          <BoolProp
            label={t('readOnly')}
            value={v.readOnly as boolean | undefined}
            onChange={(b) => set('readOnly')(b || undefined)}
          />
        </div>
      ) : null}
      {!inSubtable && type !== 'section' && type !== 'subtable' ? (
        <NumberProp label={t('colSpan')} value={field.colSpan} min={1} max={4} step={1} onChange={set('colSpan')} />
      ) : null}
      <TypeProps field={field} fieldKey={fieldKey} />
      <Group title={t('rules')}>
        <ExpressionEditor
          key={`${fieldKey}:visibleWhen:${focus?.nonce ?? 0}`}
          label={t('visibleWhen')}
          fieldKey={fieldKey}
          value={field.visibleWhen}
          onChange={set('visibleWhen')}
          boolean
          autoFocus={focus?.prop === 'visibleWhen'}
        />
        {holdsValue ? (
          <ExpressionEditor
            key={`${fieldKey}:requiredWhen:${focus?.nonce ?? 0}`}
            label={t('requiredWhen')}
            fieldKey={fieldKey}
            value={v.requiredWhen as string | undefined}
            onChange={set('requiredWhen')}
            boolean
            autoFocus={focus?.prop === 'requiredWhen'}
          />
        ) : null}
        {holdsValue && type !== 'formula' && type !== 'subtable' ? (
          <DefaultProp field={field} fieldKey={fieldKey} />
        ) : null}
        {holdsValue ? <Validations field={field} fieldKey={fieldKey} /> : null}
      </Group>
    </div>
  );
}

function IdProp({ fieldKey, id }: { fieldKey: string; id: string }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const inputId = useId();
  const locked = useDesignerState(() => designer.isLocked(fieldKey));
  const [draft, setDraft] = useState(id);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setDraft(id), [id]);
  const commit = () => {
    const problem = designer.setId(fieldKey, draft.trim());
    setError(problem?.[lang]);
  };
  return (
    <div className="dz-prop">
      <label htmlFor={inputId}>{t('fieldId')}</label>
      <input
        id={inputId}
        className="dz-mono"
        value={draft}
        readOnly={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id={`${inputId}-hint`} className={error ? 'dz-expr-error' : 'dz-hint'}>
        {error ?? (locked ? t('locked') : t('fieldIdHint'))}
      </p>
    </div>
  );
}

function DefaultProp({ field, fieldKey }: { field: AnyField; fieldKey: string }) {
  const t = useT();
  const designer = useDesigner();
  const d = (field as { default?: unknown }).default;
  const expr = typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as { expr: string }).expr : undefined;
  return (
    <ExpressionEditor
      label={t('defaultExpr')}
      fieldKey={fieldKey}
      value={expr ?? (d === undefined ? '' : typeof d === 'string' ? JSON.stringify(d) : String(d))}
      onChange={(s) => designer.setProp(fieldKey, 'default', s.trim() ? { expr: s } : undefined)}
    />
  );
}

function Validations({ field, fieldKey }: { field: AnyField; fieldKey: string }) {
  const t = useT();
  const designer = useDesigner();
  const list = ((field as { validations?: Validation[] }).validations ?? []) as Validation[];
  const put = (next: Validation[]) => designer.setProp(fieldKey, 'validations', next.length > 0 ? next : undefined);
  return (
    <div className="dz-validations">
      <h4>{t('validations')}</h4>
      {list.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: validations have no id; their position is their identity
        <div className="dz-validation" key={i}>
          <ExpressionEditor
            label={t('validationRule', { n: i + 1 })}
            fieldKey={fieldKey}
            value={rule.rule}
            boolean
            onChange={(s) => put(list.map((r, j) => (j === i ? { ...r, rule: s } : r)))}
          />
          <LocalizedProp
            label={t('validationMessage', { n: i + 1 })}
            value={rule.message}
            onChange={(l, s) => put(list.map((r, j) => (j === i ? { ...r, message: { ...r.message, [l]: s } } : r)))}
          />
          <button type="button" className="dz-link dz-danger" onClick={() => put(list.filter((_, j) => j !== i))}>
            {t('removeValidation', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="dz-button dz-small"
        onClick={() =>
          put([...list, { rule: 'TRUE', message: { 'zh-CN': '请检查此项', en: 'Please check this value' } }])
        }
      >
        + {t('addValidation')}
      </button>
    </div>
  );
}
