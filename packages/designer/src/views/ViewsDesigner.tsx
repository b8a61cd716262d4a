import '../flow/flow.css';
import './views.css';
import { localize } from '@gongfang/schema';
import { addLedger, addView, removeItem, type ViewKind } from '../store/viewCommands.ts';
import { useDesigner, useDesignerState } from '../ui/DesignerContext.tsx';
import { AggregateViewEditor } from './AggregateViewEditor.tsx';
import { useLangT } from './bits.tsx';
import { ChartViewEditor } from './ChartViewEditor.tsx';
import { LedgerEditor } from './LedgerEditor.tsx';
import { ListViewEditor } from './ListViewEditor.tsx';
import { PostingsEditor } from './PostingsEditor.tsx';

const ADD: [ViewKind, 'addList' | 'addAggregate' | 'addChart'][] = [
  ['list', 'addList'],
  ['aggregate', 'addAggregate'],
  ['chart', 'addChart'],
];

/** The views tab: views, ledgers and postings on the left; the selected one's editor on the right. */
export function ViewsDesigner() {
  const { t, lang } = useLangT();
  const designer = useDesigner();
  const doc = useDesignerState((s) => s.doc);
  const selection = useDesignerState((s) => s.ui.viewSelection);
  const problems = useDesignerState((s) => s.problems);
  const bad = new Set(problems.map((p) => p.viewTarget).filter(Boolean));
  const item = (key: string, label: string, sub: string) => (
    <li key={key}>
      <button
        type="button"
        className={`vz-item${bad.has(key) ? ' is-invalid' : ''}`}
        aria-pressed={selection === key}
        onClick={() => designer.setUi({ viewSelection: key })}
      >
        <span>{label}</span>
        <small>{sub}</small>
      </button>
    </li>
  );
  const views = doc.views ?? [];
  const ledgers = doc.ledgers ?? [];
  const [kind, id] = selection
    ? [selection.slice(0, selection.indexOf(':')), selection.slice(selection.indexOf(':') + 1)]
    : [];
  const viewIndex = kind === 'view' ? views.findIndex((v) => v.id === id) : -1;
  const ledgerIndex = kind === 'ledger' ? ledgers.findIndex((l) => l.id === id) : -1;
  const formIndex = kind === 'postings' ? doc.forms.findIndex((f) => f.id === id) : -1;
  const view = views[viewIndex];
  const ledger = ledgers[ledgerIndex];
  return (
    <div className="vz-views">
      <nav className="vz-outline" aria-label={t('outline')}>
        <h2>{t('views')}</h2>
        <ul>{views.map((v) => item(`view:${v.id}`, localize(v.name, lang) || v.id, t(`kind_${v.type}`)))}</ul>
        <div className="vz-add">
          {ADD.map(([k, label]) => (
            <button key={k} type="button" className="dz-button dz-small" onClick={() => addView(designer, k)}>
              + {t(label)}
            </button>
          ))}
        </div>
        <h2>{t('ledgers')}</h2>
        <ul>{ledgers.map((l) => item(`ledger:${l.id}`, localize(l.name, lang) || l.id, l.id))}</ul>
        <div className="vz-add">
          <button type="button" className="dz-button dz-small" onClick={() => addLedger(designer)}>
            + {t('addLedger')}
          </button>
        </div>
        <h2>{t('postings')}</h2>
        <ul>
          {doc.forms.map((f) =>
            item(`postings:${f.id}`, localize(f.name, lang) || f.id, `${f.postings?.length ?? 0} × ${t('postings')}`),
          )}
        </ul>
      </nav>
      <section className="vz-editor dz-props" aria-label={t('editor')}>
        <div className="dz-props-body vz-body">
          {view ? (
            <>
              <div className="vz-head">
                <h2 className="fz-panel-title">
                  {t(`kind_${view.type}`)} · <code>{view.id}</code>
                </h2>
                <button
                  type="button"
                  className="dz-button dz-small dz-danger"
                  onClick={() => removeItem(designer, ['views', viewIndex], selection ?? undefined)}
                >
                  {t('removeThing', { name: localize(view.name, lang) })}
                </button>
              </div>
              {view.type === 'list' ? <ListViewEditor key={view.id} view={view} index={viewIndex} /> : null}
              {view.type === 'aggregate' ? <AggregateViewEditor key={view.id} view={view} index={viewIndex} /> : null}
              {view.type === 'chart' ? <ChartViewEditor key={view.id} view={view} index={viewIndex} /> : null}
            </>
          ) : ledger ? (
            <>
              <div className="vz-head">
                <h2 className="fz-panel-title">
                  {t('ledger')} · <code>{ledger.id}</code>
                </h2>
                <button
                  type="button"
                  className="dz-button dz-small dz-danger"
                  onClick={() => removeItem(designer, ['ledgers', ledgerIndex], selection ?? undefined)}
                >
                  {t('removeThing', { name: localize(ledger.name, lang) })}
                </button>
              </div>
              <LedgerEditor key={ledger.id} ledger={ledger} index={ledgerIndex} />
            </>
          ) : formIndex >= 0 ? (
            <PostingsEditor formIndex={formIndex} />
          ) : (
            <p className="dz-hint">{t('pick')}</p>
          )}
        </div>
      </section>
    </div>
  );
}
