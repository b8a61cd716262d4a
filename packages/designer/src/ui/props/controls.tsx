import { LANGS, type Lang, type LocalizedText } from '@gongfang/schema';
import { type ReactNode, useEffect, useId, useState } from 'react';

const LANG_NAME: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

/** A localized text: one input per language, side by side. */
export function LocalizedProp({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string;
  value: LocalizedText | undefined;
  onChange: (lang: Lang, text: string) => void;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="dz-prop dz-localized">
      <legend>{label}</legend>
      {LANGS.map((lang) => {
        const props = {
          id: `${id}-${lang}`,
          value: value?.[lang] ?? '',
          lang,
          onChange: (e: { target: { value: string } }) => onChange(lang, e.target.value),
        };
        return (
          <div key={lang} className="dz-lang-row">
            <label htmlFor={props.id} className="dz-lang-tag">
              <span className="dz-sr">{label} </span>
              {LANG_NAME[lang]}
            </label>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A number; empty means "not set". Typed text is kept while it is not yet a number ("1."). */
export function NumberProp({
  label,
  value,
  onChange,
  min,
  max,
  step,
}: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((t) =>
      Number(t) === value || (t === '' && value === undefined) ? t : value === undefined ? '' : String(value),
    );
  }, [value]);
  return (
    <div className="dz-prop dz-prop-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value === '' ? undefined : Number(e.target.value);
          if (n === undefined || Number.isFinite(n)) onChange(n);
        }}
      />
    </div>
  );
}

export function BoolProp({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | undefined;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="dz-prop dz-check">
      <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function ChoiceProp<T extends string>({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: T | undefined;
  choices: readonly { value: T | ''; label: string }[];
  onChange: (v: T | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextProp({
  label,
  value,
  onChange,
  hint,
  mono,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  hint?: ReactNode;
  mono?: boolean;
}) {
  const id = useId();
  return (
    <div className="dz-prop">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'dz-mono' : undefined}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={!mono}
      />
      {hint ? <p className="dz-hint">{hint}</p> : null}
    </div>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="dz-prop-group" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}
