import { useEffect, useId, useRef, useState } from 'react';
import { addFlowNode } from '../store/flowCommands.ts';
import { NODE_KINDS } from '../store/workflow.ts';
import { useDesigner } from '../ui/DesignerContext.tsx';
import { useFlowT } from './messages.ts';

/** The "+" between two steps: a small menu of what can be added there. */
export function AddStep({ listId, index }: { listId: string; index: number }) {
  const t = useFlowT();
  const designer = useDesigner();
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="fz-add" ref={box}>
      <span className="fz-line" aria-hidden="true" />
      <button
        type="button"
        className="fz-plus"
        aria-label={t('addStep')}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        +
      </button>
      {open ? (
        <div className="fz-menu" role="menu" id={id} aria-label={t('addStep')}>
          {NODE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="menuitem"
              className={`fz-menu-item is-${kind}`}
              onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
              onClick={() => {
                setOpen(false);
                addFlowNode(designer, listId, index, kind);
              }}
            >
              <span className="fz-dot" aria-hidden="true" />
              {t(`kind_${kind}`)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
