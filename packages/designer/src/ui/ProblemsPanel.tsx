import { useDesigner, useDesignerState, useLang, useT } from './DesignerContext.tsx';

/** Every problem of the definition; a click selects the field at fault and focuses the property. */
export function ProblemsPanel() {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const problems = useDesignerState((s) => s.problems);
  const open = useDesignerState((s) => s.ui.panels.problems);
  return (
    <section className={`dz-problems${problems.length > 0 ? ' has-problems' : ''}`} aria-label={t('problems')}>
      <button
        type="button"
        className="dz-problems-head"
        aria-expanded={open}
        onClick={() => designer.setUi((ui) => ({ panels: { ...ui.panels, problems: !ui.panels.problems } }))}
      >
        <span className="dz-badge">{problems.length}</span>
        {problems.length === 0 ? t('noProblems') : t('problemCount', { n: problems.length })}
      </button>
      {open && problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={`${p.pointer}:${p.code}:${p.message.en}`}>
              <button type="button" onClick={() => designer.goToProblem(p)}>
                {p.fieldKey ? <code>{p.fieldKey}</code> : null}
                <span>{p.message[lang]}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
