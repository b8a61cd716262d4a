import { localize, type Option } from '@gongfang/schema';
import { useEffect, useId, useState } from 'react';
import type { AnyField } from '../../store/fieldTypes.ts';
import { formatOptions } from '../../store/properties.ts';
import { formOf, useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { BoolProp, ChoiceProp, Group, LocalizedProp, NumberProp, TextProp } from './controls.tsx';
import { ExpressionEditor } from './ExpressionEditor.tsx';

/** The properties only some field types have. */
export function TypeProps({ field, fieldKey }: { field: AnyField; fieldKey: string }) {
  const t = useT();
  const designer = useDesigner();
  const set = (prop: string) => (v: unknown) => designer.setProp(fieldKey, prop, v);
  const text = (prop: string) => (l: 'zh-CN' | 'en', s: string) => designer.setText(fieldKey, prop, l, s);
  const list = (prop: string) => (s: string) =>
    set(prop)(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
  switch (field.type) {
    case 'text':
      return (
        <Group title={t('properties')}>
          <LocalizedProp label={t('placeholder')} value={field.placeholder} onChange={text('placeholder')} />
          <div className="dz-prop-pair">
            <NumberProp label={t('minLength')} value={field.minLength} min={0} step={1} onChange={set('minLength')} />
            <NumberProp label={t('maxLength')} value={field.maxLength} min={1} step={1} onChange={set('maxLength')} />
          </div>
          <TextProp label={t('pattern')} value={field.pattern} onChange={set('pattern')} mono />
          <LocalizedProp label={t('patternMessage')} value={field.patternMessage} onChange={text('patternMessage')} />
        </Group>
      );
    case 'textarea':
      return (
        <Group title={t('properties')}>
          <LocalizedProp label={t('placeholder')} value={field.placeholder} onChange={text('placeholder')} />
          <div className="dz-prop-pair">
            <NumberProp label={t('rows')} value={field.rows} min={2} max={20} step={1} onChange={set('rows')} />
            <NumberProp label={t('maxLength')} value={field.maxLength} min={1} step={1} onChange={set('maxLength')} />
          </div>
        </Group>
      );
    case 'number':
      return (
        <Group title={t('properties')}>
          <LocalizedProp label={t('unit')} value={field.unit} onChange={text('unit')} />
          <div className="dz-prop-pair">
            <NumberProp label={t('min')} value={field.min} onChange={set('min')} />
            <NumberProp label={t('max')} value={field.max} onChange={set('max')} />
          </div>
          <div className="dz-prop-pair">
            <NumberProp
              label={t('precision')}
              value={field.precision}
              min={0}
              max={6}
              step={1}
              onChange={set('precision')}
            />
            <NumberProp label={t('step')} value={field.step} onChange={set('step')} />
          </div>
        </Group>
      );
    case 'date':
      return (
        <Group title={t('properties')}>
          <ChoiceProp
            label={t('dateMode')}
            value={field.mode}
            onChange={set('mode')}
            choices={[
              { value: '', label: t('modeDate') },
              { value: 'datetime', label: t('modeDatetime') },
              { value: 'time', label: t('modeTime') },
            ]}
          />
        </Group>
      );
    case 'select':
    case 'radio':
    case 'checkbox':
      return (
        <Group title={t('options')}>
          <OptionsProp fieldKey={fieldKey} options={field.options} />
          {field.type === 'select' ? (
            <BoolProp label={t('multiple')} value={field.multiple} onChange={(b) => set('multiple')(b || undefined)} />
          ) : null}
        </Group>
      );
    case 'member':
      return (
        <Group title={t('properties')}>
          <BoolProp label={t('multiple')} value={field.multiple} onChange={(b) => set('multiple')(b || undefined)} />
        </Group>
      );
    case 'barcode':
      return (
        <Group title={t('properties')}>
          <TextProp label={t('formats')} value={(field.formats ?? []).join(', ')} onChange={list('formats')} mono />
          <TextProp label={t('pattern')} value={field.pattern} onChange={set('pattern')} mono />
          <LocalizedProp label={t('patternMessage')} value={field.patternMessage} onChange={text('patternMessage')} />
        </Group>
      );
    case 'photo':
      return (
        <Group title={t('properties')}>
          <NumberProp
            label={t('maxCount')}
            value={field.maxCount}
            min={1}
            max={20}
            step={1}
            onChange={set('maxCount')}
          />
          <NumberProp
            label={t('maxDimension')}
            value={field.maxDimension}
            min={320}
            max={4096}
            step={1}
            onChange={set('maxDimension')}
          />
          <NumberProp
            label={t('quality')}
            value={field.quality}
            min={0.3}
            max={1}
            step={0.05}
            onChange={set('quality')}
          />
        </Group>
      );
    case 'attachment':
      return (
        <Group title={t('properties')}>
          <NumberProp
            label={t('maxCount')}
            value={field.maxCount}
            min={1}
            max={20}
            step={1}
            onChange={set('maxCount')}
          />
          <NumberProp label={t('maxSizeMB')} value={field.maxSizeMB} min={0.1} max={50} onChange={set('maxSizeMB')} />
          <TextProp label={t('accept')} value={(field.accept ?? []).join(', ')} onChange={list('accept')} mono />
        </Group>
      );
    case 'location':
      return (
        <Group title={t('properties')}>
          <NumberProp
            label={t('maxAccuracy')}
            value={field.maxAccuracyMeters}
            min={1}
            step={1}
            onChange={set('maxAccuracyMeters')}
          />
        </Group>
      );
    case 'formula':
      return (
        <Group title={t('expression')}>
          <ExpressionEditor
            label={t('expression')}
            fieldKey={fieldKey}
            value={field.expression}
            onChange={set('expression')}
          />
          <ChoiceProp
            label={t('resultType')}
            value={field.resultType}
            onChange={set('resultType')}
            choices={[
              { value: '', label: 'number' },
              { value: 'text', label: 'text' },
              { value: 'boolean', label: 'boolean' },
              { value: 'date', label: 'date' },
            ]}
          />
          <div className="dz-prop-pair">
            <NumberProp
              label={t('precision')}
              value={field.precision}
              min={0}
              max={6}
              step={1}
              onChange={set('precision')}
            />
          </div>
          <LocalizedProp label={t('unit')} value={field.unit} onChange={text('unit')} />
        </Group>
      );
    case 'reference':
      return <ReferenceProps fieldKey={fieldKey} form={field.form} display={field.displayField} />;
    case 'subtable':
      return <SubtableProps field={field} fieldKey={fieldKey} />;
    case 'section':
      return (
        <Group title={t('properties')}>
          <NumberProp label={t('columns')} value={field.columns} min={1} max={4} step={1} onChange={set('columns')} />
          <BoolProp
            label={t('collapsible')}
            value={field.collapsible}
            onChange={(b) => set('collapsible')(b || undefined)}
          />
        </Group>
      );
    default:
      return null;
  }
}

function OptionsProp({ fieldKey, options }: { fieldKey: string; options: Option[] | undefined }) {
  const t = useT();
  const designer = useDesigner();
  const id = useId();
  const [text, setText] = useState(formatOptions(options));
  useEffect(() => {
    if (document.activeElement?.id !== id) setText(formatOptions(options));
  }, [options, id]);
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{t('options')}</label>
      <textarea
        id={id}
        className="dz-mono"
        rows={Math.min(10, Math.max(3, (options?.length ?? 0) + 1))}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          designer.setOptionsFromText(fieldKey, e.target.value);
        }}
      />
      <p id={`${id}-hint`} className="dz-hint">
        {t('optionsHint')}
      </p>
    </div>
  );
}

function ReferenceProps({ fieldKey, form, display }: { fieldKey: string; form: string; display: string }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const forms = useDesignerState((s) => s.doc.forms);
  return (
    <Group title={t('properties')}>
      <ChoiceProp
        label={t('refForm')}
        value={form}
        onChange={(v) => designer.setProp(fieldKey, 'form', v)}
        choices={forms.map((f) => ({ value: f.id, label: localize(f.name, lang) }))}
      />
      <TextProp
        label={t('refDisplay')}
        value={display}
        onChange={(v) => designer.setProp(fieldKey, 'displayField', v)}
        mono
      />
    </Group>
  );
}

function SubtableProps({ field, fieldKey }: { field: Extract<AnyField, { type: 'subtable' }>; fieldKey: string }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  useDesignerState(formOf);
  const set = (prop: string) => (v: unknown) => designer.setProp(fieldKey, prop, v);
  const numeric = field.fields.filter((c) => c.type === 'number' || c.type === 'formula');
  const column = (c: { id: string; label: Option['label'] }) => ({
    value: c.id,
    label: `${localize(c.label, lang)} (${c.id})`,
  });
  return (
    <Group title={t('properties')}>
      <div className="dz-prop-pair">
        <NumberProp label={t('minRows')} value={field.minRows} min={0} step={1} onChange={set('minRows')} />
        <NumberProp label={t('maxRows')} value={field.maxRows} min={1} max={2000} step={1} onChange={set('maxRows')} />
      </div>
      <fieldset className="dz-prop">
        <legend>{t('totals')}</legend>
        {numeric.map((c) => (
          <BoolProp
            key={c.id}
            label={column(c).label}
            value={field.totals?.includes(c.id)}
            onChange={(on) =>
              set('totals')(on ? [...(field.totals ?? []), c.id] : (field.totals ?? []).filter((x) => x !== c.id))
            }
          />
        ))}
      </fieldset>
      <ChoiceProp
        label={t('scanField')}
        value={field.scan?.field}
        onChange={(v) => set('scan')(v ? { ...field.scan, field: v } : undefined)}
        choices={[
          { value: '', label: t('none') },
          ...field.fields.filter((c) => c.type === 'barcode' || c.type === 'text').map(column),
        ]}
      />
      {field.scan ? (
        <ChoiceProp
          label={t('scanQty')}
          value={field.scan.quantityField}
          onChange={(v) => set('scan')(v ? { ...field.scan, quantityField: v } : { field: field.scan?.field })}
          choices={[{ value: '', label: t('none') }, ...field.fields.filter((c) => c.type === 'number').map(column)]}
        />
      ) : null}
    </Group>
  );
}
