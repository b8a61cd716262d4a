import { useAdmin } from '../AdminContext.ts';
import { ValueView } from './ValueView.tsx';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Before and after of one audit entry, field by field; changed fields first and marked. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useAdmin();
  if (before === undefined && after === undefined) return <p className="ad-muted">{t('noPayload')}</p>;
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== undefined && before !== null && !b) || (after !== undefined && after !== null && !a)) {
    return (
      <div className="ad-before-after">
        <div>
          <h3>{t('before')}</h3>
          <ValueView value={before} />
        </div>
        <div>
          <h3>{t('after')}</h3>
          <ValueView value={after} />
        </div>
      </div>
    );
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const changed = keys.filter((k) => !same(b?.[k], a?.[k]));
  const rest = keys.filter((k) => same(b?.[k], a?.[k]));
  return (
    <table className="ad-table ad-change-table">
      <caption className="ad-hint">{!b ? t('onlyAfter') : !a ? t('onlyBefore') : null}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          {b ? <th scope="col">{t('before')}</th> : null}
          {a ? <th scope="col">{t('after')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {[...changed, ...rest].map((k) => (
          <tr key={k} className={b && a && changed.includes(k) ? 'is-changed' : undefined}>
            <th scope="row" className="ad-mono">
              {k}
            </th>
            {b ? (
              <td>
                <ValueView value={b[k]} />
              </td>
            ) : null}
            {a ? (
              <td>
                <ValueView value={a[k]} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
