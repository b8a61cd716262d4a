import { localize } from '@gongfang/schema';
import { useId, useMemo, useState } from 'react';
import { scopeOf } from '../store/exprScope.ts';
import { setFlowValue } from '../store/flowCommands.ts';
import { formOf, useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { Group } from '../ui/props/controls.tsx';
import { ExpressionEditor } from '../ui/props/ExpressionEditor.tsx';
import {
  type ConditionRow,
  expressionToRows,
  type Join,
  OPS,
  type Op,
  type Rows,
  rowsToExpression,
} from './conditionRows.ts';
import { useFlowT } from './messages.ts';

/** A branch condition built from field rows (AND/OR), or typed as an expression with completion. */
export function ConditionEditor({ branchId, when }: { branchId: string; when: string }) {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const id = useId();
  const form = useDesignerState(formOf);
  const header = useMemo(() => scopeOf(form, '').names.filter((n) => !n.name.includes('.')), [form]);
  const parsed = useMemo(() => expressionToRows(when), [when]);
  const [mode, setMode] = useState<'rows' | 'expr'>(parsed ? 'rows' : 'expr');
  const [rows, setRows] = useState<Rows>(() =>
    parsed?.rows.length ? parsed : { join: parsed?.join ?? 'AND', rows: [{ field: '', op: '=', value: '' }] },
  );
  const typeOf = (f: string) => header.find((n) => n.name === f)?.type;
  const write = (next: Rows) => {
    setRows(next);
    setFlowValue(designer, branchId, 'when', rowsToExpression(next, typeOf));
  };
  const setRow = (i: number, patch: Partial<ConditionRow>) =>
    write({ ...rows, rows: rows.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const switchTo = (next: 'rows' | 'expr') => {
    if (next === 'rows') {
      const again = expressionToRows(when);
      if (again?.rows.length) setRows(again);
    }
    setMode(next);
  };
  return (
    <Group title={t('condition')}>
      <fieldset className="dz-seg fz-mode">
        <legend className="dz-sr">{t('conditionMode')}</legend>
        {(['rows', 'expr'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => switchTo(m)}>
            {m === 'rows' ? t('builder') : t('typed')}
          </button>
        ))}
      </fieldset>
      {mode === 'expr' ? (
        <ExpressionEditor
          label={t('condition')}
          fieldKey=""
          value={when}
          boolean
          onChange={(text) => setFlowValue(designer, branchId, 'when', text)}
        />
      ) : (
        <div className="fz-rows">
          {expressionToRows(when) || !when.trim() ? null : <p className="dz-hint">{t('cannotBuild')}</p>}
          <div className="dz-prop">
            <label htmlFor={`${id}-join`}>{t('join')}</label>
            <select
              id={`${id}-join`}
              value={rows.join}
              onChange={(e) => write({ ...rows, join: e.target.value as Join })}
            >
              <option value="AND">{t('join_AND')}</option>
              <option value="OR">{t('join_OR')}</option>
            </select>
          </div>
          {rows.rows.map((r, i) => {
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <div key={i} className="fz-row">
                <select
                  aria-label={t('rowField', { n })}
                  value={r.field}
                  onChange={(e) => setRow(i, { field: e.target.value })}
                >
                  <option value="">{t('chooseField')}</option>
                  {header.map((f) => (
                    <option key={f.name} value={f.name}>
                      {localize(f.label, lang) || f.name}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={t('rowOp', { n })}
                  value={r.op}
                  onChange={(e) => setRow(i, { op: e.target.value as Op })}
                >
                  {OPS.map((op) => (
                    <option key={op} value={op}>
                      {op === '<>' ? '≠' : op === '>=' ? '≥' : op === '<=' ? '≤' : op}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={t('rowValue', { n })}
                  value={r.value}
                  onChange={(e) => setRow(i, { value: e.target.value })}
                />
                <button
                  type="button"
                  className="fz-x"
                  aria-label={t('removeRow', { n })}
                  onClick={() => write({ ...rows, rows: rows.rows.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="dz-button"
            onClick={() => setRows({ ...rows, rows: [...rows.rows, { field: '', op: '=', value: '' }] })}
          >
            + {t('addRow')}
          </button>
          <p className="dz-hint">
            {t('generated')}: <code>{when || '—'}</code>
          </p>
        </div>
      )}
    </Group>
  );
}
