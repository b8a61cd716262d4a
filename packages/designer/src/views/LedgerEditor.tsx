import { type Ledger, localize } from '@gongfang/schema';
import { RoleSelect } from '../flow/RoleSelect.tsx';
import { declareRoleIn } from '../store/flowCommands.ts';
import { setAt } from '../store/paths.ts';
import { pushDocValue } from '../store/viewCommands.ts';
import { useDesigner } from '../ui/DesignerContext.tsx';
import { Name, RowList, Sel, Txt, useLangT } from './bits.tsx';

/** A ledger: its keys (dimensions), measures, and guards with the role that handles exceptions. */
export function LedgerEditor({ ledger, index }: { ledger: Ledger; index: number }) {
  const { t, lang } = useLangT();
  const designer = useDesigner();
  const at = ['ledgers', index] as const;
  const measures = ledger.measures.map((m) => ({ value: m.id, label: localize(m.label, lang) || m.id }));
  return (
    <>
      <Name label={t('name')} path={[...at, 'name']} value={ledger.name} />
      <RowList
        title={t('keys')}
        path={[...at, 'keys']}
        items={ledger.keys}
        itemName={(k) => localize(k.label, lang) || k.id}
        onAdd={() =>
          pushDocValue(designer, [...at, 'keys'], {
            id: `key_${ledger.keys.length + 1}`,
            label: { 'zh-CN': '维度', en: 'Key' },
          })
        }
        render={(k, i) => (
          <div className="vz-inline">
            <Txt label={t('id')} mono path={[...at, 'keys', i, 'id']} value={k.id} />
            <Txt label={`${t('label')} (中文)`} path={[...at, 'keys', i, 'label', 'zh-CN']} value={k.label['zh-CN']} />
            <Txt label={`${t('label')} (EN)`} path={[...at, 'keys', i, 'label', 'en']} value={k.label.en} />
          </div>
        )}
      />
      <RowList
        title={t('measures')}
        path={[...at, 'measures']}
        items={ledger.measures}
        itemName={(m) => localize(m.label, lang) || m.id}
        onAdd={() =>
          pushDocValue(designer, [...at, 'measures'], {
            id: `qty_${ledger.measures.length + 1}`,
            label: { 'zh-CN': '数量', en: 'Quantity' },
          })
        }
        render={(m, i) => (
          <div className="vz-inline">
            <Txt label={t('id')} mono path={[...at, 'measures', i, 'id']} value={m.id} />
            <Txt
              label={`${t('label')} (中文)`}
              path={[...at, 'measures', i, 'label', 'zh-CN']}
              value={m.label['zh-CN']}
            />
            <Txt label={`${t('label')} (EN)`} path={[...at, 'measures', i, 'label', 'en']} value={m.label.en} />
            <Txt label={t('precision')} number path={[...at, 'measures', i, 'precision']} value={m.precision} />
          </div>
        )}
      />
      <RowList
        title={t('guards')}
        path={[...at, 'guards']}
        items={ledger.guards}
        itemName={(g) => g.id}
        onAdd={() =>
          pushDocValue(designer, [...at, 'guards'], {
            id: `guard_${(ledger.guards?.length ?? 0) + 1}`,
            measure: measures[0]?.value ?? '',
            min: 0,
            exceptionRole: '',
            message: { 'zh-CN': '库存不足：只剩 {balance}', en: 'Not enough: only {balance} left' },
          })
        }
        render={(g, i) => {
          const p = [...at, 'guards', i] as const;
          return (
            <div className="vz-measure">
              <div className="vz-inline">
                <Sel label={t('measures')} path={[...p, 'measure']} value={g.measure} choices={measures} />
                <Txt label={t('min')} number path={[...p, 'min']} value={g.min} />
                <Txt label={t('max')} number path={[...p, 'max']} value={g.max} />
                <RoleSelect
                  label={t('exceptionRole')}
                  value={g.exceptionRole}
                  onChange={(role) =>
                    designer.update((doc) => {
                      if (role) declareRoleIn(doc, role);
                      setAt(doc, [...p, 'exceptionRole'], role?.id ?? '');
                    })
                  }
                />
              </div>
              <div className="vz-inline">
                <Txt
                  label={`${t('guardMessage')} (中文)`}
                  path={[...p, 'message', 'zh-CN']}
                  value={g.message['zh-CN']}
                />
                <Txt label={`${t('guardMessage')} (EN)`} path={[...p, 'message', 'en']} value={g.message.en} />
              </div>
            </div>
          );
        }}
      />
    </>
  );
}
