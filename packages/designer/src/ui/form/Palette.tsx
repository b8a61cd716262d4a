import { useDraggable, useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { FIELD_TYPE_INFO, FIELD_TYPES, type FieldType, PALETTE_GROUPS } from '../../store/fieldTypes.ts';
import { useDesigner, useLang, useT } from '../DesignerContext.tsx';
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
          <Icon name="trash" size={28} />
          {t('dropToDelete')}
        </div>
      ) : null}
      <h2 className="dz-panel-title">{t('palette')}</h2>
      <p className="dz-hint">{t('paletteHint')}</p>
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
    </aside>
  );
}

const PaletteItem = memo(function PaletteItem({ type, label }: { type: FieldType; label: string }) {
  const designer = useDesigner();
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteDndId(type),
    data: { kind: 'palette', type, label } satisfies DragData,
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`dz-palette-item${isDragging ? ' is-dragging' : ''}`}
      data-type={type}
      {...attributes}
      {...listeners}
      onClick={() => designer.addField(type)}
    >
      <Icon name={type} />
      <span>{label}</span>
    </button>
  );
});
