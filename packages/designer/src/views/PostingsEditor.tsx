import { localize } from '@gongfang/schema';
import { rowsScopeOf } from '../store/exprScope.ts';
import { addPosting } from '../store/viewCommands.ts';
import { useDesigner, useDesignerState } from '../ui/DesignerContext.tsx';
import { ExprTxt, RowList, Sel, subtableChoices, Txt, useLangT } from './bits.tsx';

/** A form's postings: to which ledger, per sub-table row or per record, an expression per key and measure. */
export function PostingsEditor({ formIndex }: { formIndex: number }) {
  const { t, lang } = useLangT();
  const designer = useDesigner();
  const form = useDesignerState((s) => s.doc.forms[formIndex]);
  const ledgers = useDesignerState((s) => s.doc.ledgers ?? []);
  if (!form) return null;
  const at = ['forms', formIndex, 'postings'] as const;
  return (
    <>
      <h2 className="fz-panel-title">
        {t('postings')} · {localize(form.name, lang)}
      </h2>
      {ledgers.length === 0 ? <p className="dz-hint">{t('noLedger')}</p> : null}
      <RowList
        title={t('postings')}
        path={at}
        items={form.postings}
        itemName={(p) => p.id}
        onAdd={() => ledgers[0] && addPosting(designer, formIndex, ledgers[0].id)}
        render={(p, i) => {
          const ledger = ledgers.find((l) => l.id === p.ledger);
          const pp = [...at, i] as const;
          return (
            <div className="vz-measure">
              <div className="vz-inline">
                <Txt label={t('id')} mono path={[...pp, 'id']} value={p.id} />
                <Sel
                  label={t('ledger')}
                  path={[...pp, 'ledger']}
                  value={p.ledger}
                  choices={ledgers.map((l) => ({ value: l.id, label: localize(l.name, lang) }))}
                />
                <Sel
                  label={t('perRow')}
                  path={[...pp, 'rows']}
                  value={p.rows}
                  empty={t('wholeRecord')}
                  choices={subtableChoices(form, lang)}
                />
                <Sel
                  label={t('on')}
                  path={[...pp, 'on']}
                  value={p.on ?? 'submit'}
                  choices={(['submit', 'approved'] as const).map((o) => ({ value: o, label: t(`on_${o}`) }))}
                />
              </div>
              <div className="vz-inline">
                {(ledger?.keys ?? []).map((k) => (
                  <ExprTxt
                    key={k.id}
                    label={t('keyExpr', { name: localize(k.label, lang) })}
                    path={[...pp, 'keys', k.id]}
                    value={p.keys[k.id]}
                    scope={rowsScopeOf(form, p.rows)}
                  />
                ))}
              </div>
              <div className="vz-inline">
                {(ledger?.measures ?? []).map((m) => (
                  <ExprTxt
                    key={m.id}
                    label={t('measureExpr', { name: localize(m.label, lang) })}
                    path={[...pp, 'measures', m.id]}
                    value={p.measures[m.id]}
                    scope={rowsScopeOf(form, p.rows)}
                  />
                ))}
              </div>
            </div>
          );
        }}
      />
    </>
  );
}
