import { useDroppable } from '@dnd-kit/core';
import { localize } from '@gongfang/schema';
import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import { ROOT } from '../../store/tree.ts';
import { formOf, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { containerDndId, type DragData } from './dnd.ts';
import { FieldList } from './FieldList.tsx';
import { CanvasViewport, ViewportContext } from './viewport.ts';

/** The form as operators will see it, editable: click to select, drag to arrange. */
export function Canvas() {
  const t = useT();
  const lang = useLang();
  const name = useDesignerState((s) => localize(formOf(s).name, lang));
  const count = useDesignerState((s) => formOf(s).fields.length);
  const columns = useDesignerState((s) => formOf(s).columns ?? 1);
  const viewport = useMemo(() => new CanvasViewport(), []);
  const reveal = useDesignerState((s) => s.ui.reveal);
  const scroller = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!reveal) return;
    const el = scroller.current?.querySelector(`[data-key="${CSS.escape(reveal.key)}"]`);
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [reveal]);
  const onElement = useCallback(
    (el: HTMLElement | null) => {
      scroller.current = el;
      viewport.attach(el);
    },
    [viewport],
  );

  return (
    <ViewportContext.Provider value={viewport}>
      <CanvasDrop label={name} ariaLabel={t('canvas')} onElement={onElement}>
        <div className="dz-paper">
          <header className="dz-paper-head">
            <h1>{name}</h1>
            <span className="dz-muted">{t('fieldsCount', { n: count })}</span>
          </header>
          {count === 0 ? <p className="dz-empty">{t('emptyForm')}</p> : null}
          <FieldList container={ROOT} kind="root" columns={columns} />
        </div>
      </CanvasDrop>
    </ViewportContext.Provider>
  );
}

/**
 * The scrolling canvas as the form's drop target. Apart from the canvas so that a drag move
 * (dnd-kit re-renders every droppable when the target changes) re-renders this shell only.
 */
function CanvasDrop({
  label,
  ariaLabel,
  onElement,
  children,
}: {
  label: string;
  ariaLabel: string;
  onElement: (el: HTMLElement | null) => void;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: containerDndId(ROOT),
    data: { kind: 'container', key: ROOT, containerKind: 'root', label } satisfies DragData,
  });
  const ref = useCallback(
    (el: HTMLElement | null) => {
      onElement(el);
      setNodeRef(el);
    },
    [onElement, setNodeRef],
  );
  return (
    <main className={`dz-canvas-wrap${isOver ? ' is-over' : ''}`} ref={ref} aria-label={ariaLabel}>
      {children}
    </main>
  );
}
