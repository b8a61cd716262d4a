import { indexOf } from '../../store/tree.ts';
import { formOf, useDesigner, useDesignerState, useT } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { LocalizedProp, NumberProp } from './controls.tsx';
import { FieldProps } from './FieldProps.tsx';

/** The right-hand panel: the selected field's properties, the selection's actions, or the form's own. */
export function PropertyPanel() {
  const t = useT();
  const selection = useDesignerState((s) => s.ui.selection);
  const key = selection.length === 1 ? selection[0] : undefined;
  const exists = useDesignerState((s) => (key ? indexOf(formOf(s)).has(key) : false));
  return (
    <aside className="dz-props" aria-label={t('properties')}>
      {key && exists ? (
        <FieldProps key={key} fieldKey={key} />
      ) : selection.length > 1 ? (
        <Many n={selection.length} />
      ) : (
        <FormProps />
      )}
    </aside>
  );
}

function Many({ n }: { n: number }) {
  const t = useT();
  const designer = useDesigner();
  return (
    <div className="dz-props-body">
      <h2 className="dz-panel-title">{t('selected', { n })}</h2>
      <div className="dz-button-row">
        <button type="button" className="dz-button" onClick={() => designer.duplicate()}>
          <Icon name="copy" /> {t('duplicate')}
        </button>
        <button type="button" className="dz-button dz-danger" onClick={() => designer.deleteFields()}>
          <Icon name="trash" /> {t('delete')}
        </button>
      </div>
    </div>
  );
}

function FormProps() {
  const t = useT();
  const designer = useDesigner();
  const name = useDesignerState((s) => formOf(s).name);
  const columns = useDesignerState((s) => formOf(s).columns);
  return (
    <div className="dz-props-body">
      <h2 className="dz-panel-title">{t('formProps')}</h2>
      <p className="dz-hint">{t('noSelection')}</p>
      <LocalizedProp
        label={t('formName')}
        value={name}
        onChange={(lang, text) => {
          const next = { ...name };
          if (text) next[lang] = text;
          else delete next[lang];
          designer.setFormProp('name', next);
        }}
      />
      <NumberProp
        label={t('columns')}
        value={columns}
        min={1}
        max={4}
        step={1}
        onChange={(v) => designer.setFormProp('columns', v)}
      />
    </div>
  );
}
