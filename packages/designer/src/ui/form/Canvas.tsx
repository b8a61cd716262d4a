import { useDroppable } from '@dnd-kit/core';
import { localize } from '@gongfang/schema';
import { useEffect, useRef } from 'react';
import { ROOT } from '../../store/tree.ts';
import { formOf, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { containerDndId, type DragData } from './dnd.ts';
import { FieldList } from './FieldList.tsx';

/** The form as operators will see it, editable: click to select, drag to arrange. */
export function Canvas() {
  const t = useT();
  const lang = useLang();
  const name = useDesignerState((s) => localize(formOf(s).name, lang));
  const count = useDesignerState((s) => formOf(s).fields.length);
  const columns = useDesignerState((s) => formOf(s).columns ?? 1);
  const { setNodeRef, isOver } = useDroppable({
    id: containerDndId(ROOT),
    data: { kind: 'container', key: ROOT, containerKind: 'root', label: name } satisfies DragData,
  });
  const reveal = useDesignerState((s) => s.ui.reveal);
  const scroller = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!reveal) return;
    const el = scroller.current?.querySelector(`[data-key="${CSS.escape(reveal.key)}"]`);
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [reveal]);

  return (
    <main
      className={`dz-canvas-wrap${isOver ? ' is-over' : ''}`}
      ref={(el) => {
        scroller.current = el;
        setNodeRef(el);
      }}
      aria-label={t('canvas')}
    >
      <div className="dz-paper">
        <header className="dz-paper-head">
          <h1>{name}</h1>
          <span className="dz-muted">{t('fieldsCount', { n: count })}</span>
        </header>
        {count === 0 ? <p className="dz-empty">{t('emptyForm')}</p> : null}
        <FieldList container={ROOT} kind="root" columns={columns} />
      </div>
    </main>
  );
}
