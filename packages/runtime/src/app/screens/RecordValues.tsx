import type { ColumnField, Field, Form } from '@gongfang/schema';
import { asFile, asFiles } from '../../widgets/photo/files.ts';
import { useBlobUrl } from '../../widgets/photo/useBlobUrl.ts';
import { usePersonName } from '../data/people.ts';
import { useApp } from '../shell/AppContext.ts';

type AnyField = Field | ColumnField;

/** A value as text: option labels, yes/no, lists, numbers as stored. Text only, never HTML. */
export function useFormatValue(): (field: AnyField, value: unknown) => string {
  const { text, lang } = useApp();
  const person = usePersonName(lang);
  return (field, value) => {
    if (value === undefined || value === null || value === '') return '—';
    if (field.type === 'member') {
      const people = Array.isArray(value) ? value : [value];
      return people.map((p) => person(String(p))).join('、');
    }
    if ('options' in field && Array.isArray(field.options)) {
      const label = (v: unknown) => text(field.options?.find((o) => o.value === v)?.label, String(v));
      return Array.isArray(value) ? value.map(label).join('、') : label(value);
    }
    if (typeof value === 'boolean') return value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否';
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.name === 'string') return o.name;
      if (typeof o.lat === 'number' && typeof o.lng === 'number') return `${o.lat.toFixed(5)}, ${o.lng.toFixed(5)}`;
      return JSON.stringify(value);
    }
    const unit = 'unit' in field && typeof field.unit === 'string' ? ` ${field.unit}` : '';
    return `${String(value)}${unit}`;
  };
}

function Picture({ id, alt, className }: { id: string; alt: string; className: string }) {
  const url = useBlobUrl(id);
  return url ? (
    <img className={className} src={url} alt={alt} />
  ) : (
    <span className={className} role="img" aria-label={alt} />
  );
}

function FieldValue({ field, value }: { field: AnyField; value: unknown }) {
  const { text } = useApp();
  const format = useFormatValue();
  const label = text(field.label, field.id);
  if (field.type === 'photo') {
    const files = asFiles(value);
    if (files.length === 0) return <>—</>;
    return (
      <span className="app-photos">
        {files.map((f, i) => (
          <Picture key={f.id} id={f.id} alt={`${label} ${i + 1}`} className="app-photo" />
        ))}
      </span>
    );
  }
  if (field.type === 'signature') {
    const file = asFile(value);
    return file ? <Picture id={file.id} alt={label} className="app-signature" /> : <>—</>;
  }
  if (field.type === 'attachment')
    return (
      <>
        {asFiles(value)
          .map((f) => f.name)
          .join('、') || '—'}
      </>
    );
  return <>{format(field, value)}</>;
}

/** A record's data laid out by its form (the version it was filled with): labels and values. */
export function RecordValues({ form, data }: { form: Form; data: Readonly<Record<string, unknown>> }) {
  const { text } = useApp();
  const rows = (fields: readonly Field[]): React.ReactNode[] =>
    fields.flatMap((field) => {
      if (field.type === 'section') {
        return [
          <h3 key={field.id} className="app-values-section">
            {text(field.label, field.id)}
          </h3>,
          ...rows((field.fields ?? []) as Field[]),
        ];
      }
      if (field.type === 'subtable') {
        const list = (data[field.id] as Record<string, unknown>[] | undefined) ?? [];
        return [
          <div key={field.id} className="app-values-table">
            <h4>{text(field.label, field.id)}</h4>
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {field.fields.map((c) => (
                    <th key={c.id} scope="col">
                      {text(c.label, c.id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a stored record never move.
                  <tr key={i}>
                    <td>{i + 1}</td>
                    {field.fields.map((c) => (
                      <td key={c.id}>
                        <FieldValue field={c} value={row[c.id]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>,
        ];
      }
      if (!(field.id in data)) return [];
      return [
        <div key={field.id} className="app-value">
          <dt>{text(field.label, field.id)}</dt>
          <dd>
            <FieldValue field={field} value={data[field.id]} />
          </dd>
        </div>,
      ];
    });
  return <dl className="app-values">{rows(form.fields)}</dl>;
}
