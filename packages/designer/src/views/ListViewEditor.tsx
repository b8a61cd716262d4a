import type { ListView } from '@gongfang/schema';
import { localize } from '@gongfang/schema';
import { pushDocValue } from '../store/viewCommands.ts';
import { useDesigner, useDesignerState } from '../ui/DesignerContext.tsx';
import { Checklist, fieldChoices, formOfId, Name, RowList, Sel, Txt, useLangT } from './bits.tsx';

const OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'blank', 'notBlank'] as const;
const OP_LABEL: Record<(typeof OPS)[number], string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  contains: '⊃',
  blank: '∅',
  notBlank: '≠ ∅',
};

/** A list view: form, columns, fixed and user filters, search fields, sort. */
export function ListViewEditor({ view, index }: { view: ListView; index: number }) {
  const { t, lang } = useLangT();
  const designer = useDesigner();
  const forms = useDesignerState((s) => s.doc.forms);
  const form = formOfId({ forms } as never, view.form);
  const fields = fieldChoices(form, lang, true);
  const plain = fieldChoices(form, lang);
  const at = ['views', index] as const;
  const labelOf = (f: string) => fields.find((c) => c.value === f)?.label ?? f;
  return (
    <>
      <Name label={t('name')} path={[...at, 'name']} value={view.name} />
      <Sel
        label={t('form')}
        path={[...at, 'form']}
        value={view.form}
        choices={forms.map((f) => ({ value: f.id, label: localize(f.name, lang) }))}
      />
      <Checklist label={t('columns')} path={[...at, 'columns']} value={view.columns} choices={fields} />
      <RowList
        title={t('filters')}
        path={[...at, 'filters']}
        items={view.filters}
        itemName={(f) => labelOf(f.field)}
        onAdd={() =>
          pushDocValue(designer, [...at, 'filters'], { field: fields[0]?.value ?? '$status', op: 'eq', value: '' })
        }
        render={(f, i) => (
          <div className="vz-inline">
            <Sel label={t('field')} path={[...at, 'filters', i, 'field']} value={f.field} choices={fields} />
            <Sel
              label={t('op')}
              path={[...at, 'filters', i, 'op']}
              value={f.op}
              choices={OPS.map((o) => ({ value: o, label: OP_LABEL[o] }))}
            />
            {f.op === 'blank' || f.op === 'notBlank' ? null : (
              <Txt label={t('value')} path={[...at, 'filters', i, 'value']} value={f.value as string | undefined} />
            )}
          </div>
        )}
      />
      <Checklist label={t('userFilters')} path={[...at, 'userFilters']} value={view.userFilters} choices={fields} />
      <Checklist label={t('search')} path={[...at, 'search']} value={view.search} choices={plain} />
      <RowList
        title={t('sort')}
        path={[...at, 'sort']}
        items={view.sort}
        itemName={(s) => labelOf(s.field)}
        onAdd={() =>
          pushDocValue(designer, [...at, 'sort'], { field: fields[0]?.value ?? '$createdAt', direction: 'desc' })
        }
        render={(s, i) => (
          <div className="vz-inline">
            <Sel label={t('field')} path={[...at, 'sort', i, 'field']} value={s.field} choices={fields} />
            <Sel
              label={t('direction')}
              path={[...at, 'sort', i, 'direction']}
              value={s.direction ?? 'asc'}
              choices={[
                { value: 'asc', label: t('asc') },
                { value: 'desc', label: t('desc') },
              ]}
            />
          </div>
        )}
      />
    </>
  );
}
