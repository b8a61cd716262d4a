// Small labelled controls bound to a path of the definition: every change is one store edit.
import { type AppDefinition, type Form, type LocalizedText, localize, walkFields } from '@gongfang/schema';
import { type ReactNode, useId } from 'react';
import type { ExprScope } from '../store/exprScope.ts';
import type { Path } from '../store/paths.ts';
import { removeDocValue, setDocValue } from '../store/viewCommands.ts';
import { useDesigner, useLang } from '../ui/DesignerContext.tsx';
import { LocalizedProp } from '../ui/props/controls.tsx';
import { ExpressionEditor } from '../ui/props/ExpressionEditor.tsx';
import { useViewT } from './messages.ts';

export interface Choice {
  value: string;
  label: string;
}

export function Sel({
  label,
  path,
  value,
  choices,
  empty,
}: {
  label: string;
  path: Path;
  value: string | undefined;
  choices: Choice[];
  empty?: string;
}) {
  const designer = useDesigner();
  const id = useId();
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => setDocValue(designer, path, e.target.value || undefined)}>
        {empty !== undefined || !choices.some((c) => c.value === (value ?? '')) ? (
          <option value="">{empty ?? '—'}</option>
        ) : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Txt({
  label,
  path,
  value,
  mono,
  number,
}: {
  label: string;
  path: Path;
  value: string | number | undefined;
  mono?: boolean;
  number?: boolean;
}) {
  const designer = useDesigner();
  const id = useId();
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'dz-mono' : undefined}
        spellCheck={!mono}
        type={number ? 'number' : 'text'}
        value={value ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          setDocValue(designer, path, v === '' ? undefined : number ? Number(v) : v);
        }}
      />
    </div>
  );
}

/** An expression in a view or a posting: completion of what it reads, live errors. */
export function ExprTxt({
  label,
  path,
  value,
  scope,
  boolean = false,
}: {
  label: string;
  path: Path;
  value: string | undefined;
  scope: ExprScope;
  /** A condition (must give TRUE/FALSE). */
  boolean?: boolean;
}) {
  const designer = useDesigner();
  return (
    <ExpressionEditor
      label={label}
      scope={scope}
      value={value}
      boolean={boolean}
      onChange={(v) => setDocValue(designer, path, v === '' ? undefined : v)}
    />
  );
}

export function Name({ label, path, value }: { label: string; path: Path; value: LocalizedText | undefined }) {
  const designer = useDesigner();
  return (
    <LocalizedProp label={label} value={value} onChange={(l, text) => setDocValue(designer, [...path, l], text)} />
  );
}

/** Checkboxes over choices; the list keeps the order things were ticked in. */
export function Checklist({
  label,
  path,
  value,
  choices,
}: {
  label: string;
  path: Path;
  value: readonly string[] | undefined;
  choices: Choice[];
}) {
  const designer = useDesigner();
  const on = value ?? [];
  return (
    <fieldset className="dz-prop vz-checklist">
      <legend>{label}</legend>
      <div>
        {choices.map((c) => (
          <label key={c.value} className="dz-check">
            <input
              type="checkbox"
              checked={on.includes(c.value)}
              onChange={(e) => {
                const next = e.target.checked ? [...on, c.value] : on.filter((x) => x !== c.value);
                setDocValue(designer, path, next.length ? next : undefined);
              }}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A list of rows, each with a remove button, and an add button below. */
export function RowList<T>({
  title,
  path,
  items,
  render,
  onAdd,
  itemName,
}: {
  title: string;
  path: Path;
  items: readonly T[] | undefined;
  render: (item: T, i: number) => ReactNode;
  onAdd: () => void;
  itemName: (item: T, i: number) => string;
}) {
  const t = useViewT();
  const designer = useDesigner();
  return (
    <section className="dz-prop-group vz-rows" aria-label={title}>
      <h3>{title}</h3>
      {(items ?? []).map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by index
        <div key={i} className="vz-row">
          <div className="vz-row-body">{render(item, i)}</div>
          <button
            type="button"
            className="fz-x"
            aria-label={t('removeThing', { name: itemName(item, i) })}
            onClick={() => removeDocValue(designer, [...path, i])}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="dz-button dz-small" onClick={onAdd}>
        + {t('addRow')}
      </button>
    </section>
  );
}

/** Header fields of a form (no sub-table columns), optionally with record properties. */
export function fieldChoices(form: Form | undefined, lang: 'zh-CN' | 'en', props = false): Choice[] {
  if (!form) return [];
  const out: Choice[] = walkFields(form)
    .filter((e) => !e.path.includes('.') && e.field.type !== 'section')
    .map((e) => ({ value: e.path, label: localize(e.field.label, lang) || e.path }));
  if (props) {
    const P: [string, string, string][] = [
      ['$createdAt', '提交时间', 'Submitted at'],
      ['$createdBy', '提交人', 'Submitted by'],
      ['$status', '审批状态', 'Approval status'],
      ['$updatedAt', '更新时间', 'Updated at'],
    ];
    for (const [value, zh, en] of P) out.push({ value, label: lang === 'en' ? en : zh });
  }
  return out;
}

/** Columns of a sub-table of a form. */
export function columnChoices(form: Form | undefined, rows: string | undefined, lang: 'zh-CN' | 'en'): Choice[] {
  if (!form || !rows) return [];
  return walkFields(form)
    .filter((e) => e.path.startsWith(`${rows}.`))
    .map((e) => ({ value: e.path.slice(rows.length + 1), label: localize(e.field.label, lang) || e.path }));
}

export function subtableChoices(form: Form | undefined, lang: 'zh-CN' | 'en'): Choice[] {
  if (!form) return [];
  return walkFields(form)
    .filter((e) => e.field.type === 'subtable')
    .map((e) => ({ value: e.path, label: localize(e.field.label, lang) || e.path }));
}

export function formOfId(doc: AppDefinition, id: string | undefined): Form | undefined {
  return doc.forms.find((f) => f.id === id);
}

export function useLangT() {
  return { lang: useLang(), t: useViewT() };
}
