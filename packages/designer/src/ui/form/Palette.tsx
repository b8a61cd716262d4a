import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Lang } from '@gongfang/schema';
import { memo } from 'react';
import { FIELD_TYPE_INFO, FIELD_TYPES, type FieldType, PALETTE_GROUPS } from '../../store/fieldTypes.ts';
import { useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { type DragData, paletteDndId, TRASH_ID } from './dnd.ts';

/** Every field type, grouped; drag one onto the canvas or click it to add it after the selection. */
export function Palette({ deleting }: { deleting: boolean }) {
  const t = useT();
  const lang = useLang();
  const trash = useDroppable({ id: TRASH_ID, data: { kind: 'trash' } satisfies DragData });
  return (
    <aside className="dz-palette" aria-label={t('palette')} ref={trash.setNodeRef}>
      {deleting ? (
        <div className={`dz-trash${trash.isOver ? ' is-over' : ''}`}>
          <TrashLabel text={t('dropToDelete')} />
        </div>
      ) : null}
      <PaletteGroups lang={lang} hint={t('paletteHint')} title={t('palette')} />
    </aside>
  );
}

/** Memo: the trash re-renders as a drag moves (dnd-kit's droppable hook), its content need not. */
const TrashLabel = memo(function TrashLabel({ text }: { text: string }) {
  return (
    <>
      <Icon name="trash" size={28} />
      {text}
    </>
  );
});

/** The groups of field types (memo: the palette around them re-renders as a drag moves over the trash). */
const PaletteGroups = memo(function PaletteGroups({ lang, hint, title }: { lang: Lang; hint: string; title: string }) {
  return (
    <>
      <h2 className="dz-panel-title">{title}</h2>
      <p className="dz-hint">{hint}</p>
      {PALETTE_GROUPS.map((g) => (
        <section key={g.id} className="dz-palette-group" aria-label={g.name[lang]}>
          <h3>{g.name[lang]}</h3>
          <ul>
            {FIELD_TYPES.filter((type) => FIELD_TYPE_INFO[type].group === g.id).map((type) => (
              <li key={type}>
                <PaletteItem type={type} label={FIELD_TYPE_INFO[type].name[lang]} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
});

/**
 * One field type. While something else is being dragged it is a plain button without dnd-kit's
 * hook: a draggable re-renders at every change of drop target, and nothing can start from here
 * mid-drag anyway.
 */
const PaletteItem = memo(function PaletteItem({ type, label }: { type: FieldType; label: string }) {
  const idle = useDesignerState((s) => s.ui.dragging === null || s.ui.dragging === paletteDndId(type));
  return idle ? <DraggableItem type={type} label={label} /> : <ItemButton type={type} label={label} />;
});

function DraggableItem({ type, label }: { type: FieldType; label: string }) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteDndId(type),
    data: { kind: 'palette', type, label } satisfies DragData,
  });
  return (
    <ItemButton
      type={type}
      label={label}
      setNodeRef={setNodeRef}
      dragging={isDragging}
      dragProps={{ ...attributes, ...listeners }}
    />
  );
}

const ItemButton = memo(function ItemButton({
  type,
  label,
  setNodeRef,
  dragging = false,
  dragProps,
}: {
  type: FieldType;
  label: string;
  setNodeRef?: (el: HTMLElement | null) => void;
  dragging?: boolean;
  dragProps?: object;
}) {
  const designer = useDesigner();
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`dz-palette-item${dragging ? ' is-dragging' : ''}`}
      data-type={type}
      {...dragProps}
      onClick={() => designer.addField(type)}
    >
      <Icon name={type} />
      <span>{label}</span>
    </button>
  );
});
