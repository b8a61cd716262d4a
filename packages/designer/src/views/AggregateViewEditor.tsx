import { type AggregateView, localize } from '@gongfang/schema';
import { useMemo } from 'react';
import { namesScope, rowsScopeOf } from '../store/exprScope.ts';
import { pushDocValue, setDocValue } from '../store/viewCommands.ts';
import { useDesigner, useDesignerState } from '../ui/DesignerContext.tsx';
import { ChoiceProp, Group } from '../ui/props/controls.tsx';
import {
  type Choice,
  columnChoices,
  ExprTxt,
  fieldChoices,
  formOfId,
  Name,
  RowList,
  Sel,
  subtableChoices,
  Txt,
  useLangT,
} from './bits.tsx';

type SourceKind = 'form' | 'rows' | 'ledger';
const AGGS = ['sum', 'count', 'avg', 'min', 'max'] as const;

/** A summary: source (form, sub-table rows or ledger), group-by with date buckets, measures, highlights. */
export function AggregateViewEditor({ view, index }: { view: AggregateView; index: number }) {
  const { t, lang } = useLangT();
  const designer = useDesigner();
  const doc = useDesignerState((s) => s.doc);
  const at = ['views', index] as const;
  const src = view.source;
  const kind: SourceKind = 'ledger' in src ? 'ledger' : src.rows ? 'rows' : 'form';
  const form = 'form' in src ? formOfId(doc, src.form) : undefined;
  const ledger = 'ledger' in src ? doc.ledgers?.find((l) => l.id === src.ledger) : undefined;
  let keys: Choice[];
  let values: Choice[];
  if (ledger) {
    keys = ledger.keys.map((k) => ({ value: k.id, label: localize(k.label, lang) }));
    values = ledger.measures.map((m) => ({ value: m.id, label: localize(m.label, lang) }));
  } else {
    const header = fieldChoices(form, lang);
    const cols = 'form' in src ? columnChoices(form, src.rows, lang) : [];
    keys = [...cols, ...header.filter((h) => !cols.some((c) => c.value === h.value))];
    values = keys;
  }
  // What filters read (the form's header, or one row with its header), and what highlights read:
  // the group keys and the measures of a result row.
  const rows = 'form' in src ? src.rows : undefined;
  const rowScope = useMemo(() => (form ? rowsScopeOf(form, rows) : undefined), [form, rows]);
  const resultScope = namesScope([
    ...view.groupBy.map((g) => {
      const shown = keys.find((k) => k.value === g.key)?.label;
      return { name: g.key, label: shown ? { [lang]: shown } : {}, type: 'any' as const };
    }),
    ...view.measures.map((m) => ({ name: m.id, label: m.label ?? {}, type: 'number' as const })),
  ]);
  const setSource = (next: SourceKind | undefined) => {
    const firstForm = doc.forms[0]!;
    if (next === 'ledger') setDocValue(designer, [...at, 'source'], { ledger: doc.ledgers?.[0]?.id ?? '' });
    else if (next === 'rows') {
      const f = form ?? firstForm;
      setDocValue(designer, [...at, 'source'], { form: f.id, rows: subtableChoices(f, lang)[0]?.value ?? '' });
    } else setDocValue(designer, [...at, 'source'], { form: (form ?? firstForm).id });
  };
  return (
    <>
      <Name label={t('name')} path={[...at, 'name']} value={view.name} />
      <Group title={t('source')}>
        <ChoiceProp
          label={t('source')}
          value={kind}
          choices={(['form', 'rows', 'ledger'] as const).map((k) => ({ value: k, label: t(`src_${k}`) }))}
          onChange={setSource}
        />
        {kind === 'ledger' ? (
          <Sel
            label={t('ledger')}
            path={[...at, 'source', 'ledger']}
            value={'ledger' in src ? src.ledger : undefined}
            choices={(doc.ledgers ?? []).map((l) => ({ value: l.id, label: localize(l.name, lang) }))}
          />
        ) : (
          <>
            <Sel
              label={t('form')}
              path={[...at, 'source', 'form']}
              value={'form' in src ? src.form : undefined}
              choices={doc.forms.map((f) => ({ value: f.id, label: localize(f.name, lang) }))}
            />
            {kind === 'rows' ? (
              <Sel
                label={t('rows')}
                path={[...at, 'source', 'rows']}
                value={'form' in src ? src.rows : undefined}
                choices={subtableChoices(form, lang)}
              />
            ) : null}
            {rowScope ? (
              <ExprTxt
                boolean
                label={t('where')}
                path={[...at, 'source', 'where']}
                value={'form' in src ? src.where : undefined}
                scope={rowScope}
              />
            ) : null}
          </>
        )}
      </Group>
      <RowList
        title={t('groupBy')}
        path={[...at, 'groupBy']}
        items={view.groupBy}
        itemName={(g) => keys.find((k) => k.value === g.key)?.label ?? g.key}
        onAdd={() => pushDocValue(designer, [...at, 'groupBy'], { key: keys[0]?.value ?? '' })}
        render={(g, i) => (
          <div className="vz-inline">
            <Sel label={t('field')} path={[...at, 'groupBy', i, 'key']} value={g.key} choices={keys} />
            <Sel
              label={t('bucket')}
              path={[...at, 'groupBy', i, 'bucket']}
              value={g.bucket}
              empty={t('bucket_none')}
              choices={(['day', 'week', 'month'] as const).map((b) => ({ value: b, label: t(`bucket_${b}`) }))}
            />
          </div>
        )}
      />
      <RowList
        title={t('measures')}
        path={[...at, 'measures']}
        items={view.measures}
        itemName={(m) => localize(m.label, lang) || m.id}
        onAdd={() =>
          pushDocValue(designer, [...at, 'measures'], {
            id: `m${view.measures.length + 1}`,
            label: { 'zh-CN': `指标 ${view.measures.length + 1}`, en: `Measure ${view.measures.length + 1}` },
            agg: 'sum',
            of: values[0]?.value ?? '',
          })
        }
        render={(m, i) => {
          const p = [...at, 'measures', i] as const;
          const isExpr = 'expr' in m;
          return (
            <div className="vz-measure">
              <div className="vz-inline">
                <Txt label={t('id')} mono path={[...p, 'id']} value={m.id} />
                <Txt label={`${t('label')} (中文)`} path={[...p, 'label', 'zh-CN']} value={m.label['zh-CN']} />
                <Txt label={`${t('label')} (EN)`} path={[...p, 'label', 'en']} value={m.label.en} />
              </div>
              <div className="vz-inline">
                <ChoiceProp
                  label={t('agg')}
                  value={isExpr ? 'expr' : m.agg}
                  choices={[...AGGS, 'expr' as const].map((a) => ({ value: a, label: t(`agg_${a}`) }))}
                  onChange={(a) => {
                    const base = {
                      id: m.id,
                      label: m.label,
                      ...(m.precision !== undefined ? { precision: m.precision } : {}),
                    };
                    if (a === 'expr') setDocValue(designer, p, { ...base, expr: '', format: 'number' });
                    else
                      setDocValue(designer, p, {
                        ...base,
                        agg: a,
                        ...(a === 'count' ? {} : { of: values[0]?.value ?? '' }),
                      });
                  }}
                />
                {isExpr ? (
                  <>
                    <Txt label={t('expr')} mono path={[...p, 'expr']} value={m.expr} />
                    <Sel
                      label={t('format')}
                      path={[...p, 'format']}
                      value={m.format ?? 'number'}
                      choices={(['number', 'percent'] as const).map((f) => ({ value: f, label: t(`format_${f}`) }))}
                    />
                  </>
                ) : m.agg === 'count' ? null : (
                  <Sel label={t('of')} path={[...p, 'of']} value={m.of} choices={values} />
                )}
                <Txt label={t('precision')} number path={[...p, 'precision']} value={m.precision} />
              </div>
              {isExpr ? null : rowScope ? (
                <ExprTxt boolean label={t('where')} path={[...p, 'where']} value={m.where} scope={rowScope} />
              ) : (
                <Txt label={t('where')} mono path={[...p, 'where']} value={m.where} />
              )}
            </div>
          );
        }}
      />
      <RowList
        title={t('highlights')}
        path={[...at, 'highlights']}
        items={view.highlights}
        itemName={(h) => h.when}
        onAdd={() => pushDocValue(designer, [...at, 'highlights'], { when: '', tone: 'warning' })}
        render={(h, i) => (
          <div className="vz-inline">
            <ExprTxt
              boolean
              label={t('when')}
              path={[...at, 'highlights', i, 'when']}
              value={h.when}
              scope={resultScope}
            />
            <Sel
              label={t('tone')}
              path={[...at, 'highlights', i, 'tone']}
              value={h.tone}
              choices={(['warning', 'danger', 'success'] as const).map((x) => ({ value: x, label: t(`tone_${x}`) }))}
            />
            <Txt
              label={`${t('message')} (中文)`}
              path={[...at, 'highlights', i, 'message', 'zh-CN']}
              value={h.message?.['zh-CN']}
            />
            <Txt
              label={`${t('message')} (EN)`}
              path={[...at, 'highlights', i, 'message', 'en']}
              value={h.message?.en}
            />
          </div>
        )}
      />
    </>
  );
}
