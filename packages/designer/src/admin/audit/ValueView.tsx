import type { ReactNode } from 'react';
import { useAdmin } from '../AdminContext.ts';

const MAX_DEPTH = 4;
const MAX_ITEMS = 30;

function isLocalized(v: object): v is { 'zh-CN': string; en?: string } {
  const keys = Object.keys(v);
  return keys.includes('zh-CN') && keys.every((k) => k === 'zh-CN' || k === 'en') && keys.length <= 2;
}

function scalar(value: unknown): ReactNode {
  if (value === null || value === undefined) return <span className="ad-muted">—</span>;
  if (typeof value === 'boolean') return <span className="ad-token">{String(value)}</span>;
  if (typeof value === 'number') return <span className="ad-num">{value}</span>;
  return <span className="ad-text">{String(value)}</span>;
}

/** JSON shown as a person reads it: nested key/value lists, localized text side by side, no braces. */
export function ValueView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  const { lang } = useAdmin();
  if (value === null || typeof value !== 'object') return <>{scalar(value)}</>;
  if (depth >= MAX_DEPTH) return <code className="ad-muted">{JSON.stringify(value).slice(0, 120)}</code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="ad-muted">[ ]</span>;
    if (value.every((v) => v === null || typeof v !== 'object'))
      return <span className="ad-list-inline">{value.map((v) => String(v)).join(', ')}</span>;
    return (
      <ol className="ad-value-list">
        {value.slice(0, MAX_ITEMS).map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of a JSON array
          <li key={i}>
            <ValueView value={v} depth={depth + 1} />
          </li>
        ))}
        {value.length > MAX_ITEMS ? <li className="ad-muted">… +{value.length - MAX_ITEMS}</li> : null}
      </ol>
    );
  }
  if (isLocalized(value)) {
    const other = lang === 'en' ? value['zh-CN'] : value.en;
    return (
      <span>
        {(lang === 'en' ? value.en : value['zh-CN']) || value['zh-CN']}
        {other ? <span className="ad-muted"> · {other}</span> : null}
      </span>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="ad-muted">{'{ }'}</span>;
  return (
    <dl className="ad-value-map">
      {entries.slice(0, MAX_ITEMS).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <ValueView value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
