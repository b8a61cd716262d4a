import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useMemo, useRef, useState } from 'react';
import { useDesigner } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { PropertyPanel } from '../props/PropertyPanel.tsx';
import { Canvas } from './Canvas.tsx';
import { collisionFor, type DragData, dataOf, dropPlace, keyboardCoordinatesFor } from './dnd.ts';
import { Palette } from './Palette.tsx';
import { useDragAnnouncements } from './useDragAnnouncements.ts';

/** The Form tab: palette, canvas and property panel around one drag-and-drop context. */
export function FormDesigner() {
  const designer = useDesigner();
  const accessibility = useDragAnnouncements();
  const [dragging, setDragging] = useState<DragData | undefined>(undefined);
  const [overlay, setOverlay] = useState(true);
  const mark = useRef<string | null>(null);
  const coordinates = useMemo(() => keyboardCoordinatesFor(() => designer.form), [designer]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Space picks up and drops; Enter stays free to select the focused field.
    useSensor(KeyboardSensor, {
      coordinateGetter: coordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );
  const collision = useMemo(() => collisionFor(() => designer.form), [designer]);

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const data = dataOf(active);
    setDragging(data);
    // A keyboard drag moves the card itself (or only announces a move to another container): the
    // overlay, which re-renders at every step, follows pointers only.
    setOverlay(!(typeof KeyboardEvent !== 'undefined' && activatorEvent instanceof KeyboardEvent));
    mark.current = designer.mark('drag');
    designer.setUi({ dragging: String(active.id) });
  };
  const finish = () => {
    setDragging(undefined);
    designer.setUi({ dragging: null });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const data = dataOf(active);
    const place = dropPlace(designer.form, active, over);
    if (data?.kind === 'palette' && place && place !== 'trash') designer.addField(data.type, place);
    if (data?.kind === 'field' && place) {
      const selection = designer.state.ui.selection;
      const keys = selection.includes(data.key) && selection.length > 1 ? selection : [data.key];
      if (place === 'trash') designer.deleteFields(keys);
      else designer.moveFields(keys, place);
    }
    if (mark.current) designer.commit(mark.current);
    mark.current = null;
    finish();
  };
  const onDragCancel = () => {
    if (mark.current) designer.bail(mark.current);
    mark.current = null;
    finish();
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={accessibility}
    >
      <div className="dz-form-designer">
        <Palette deleting={dragging?.kind === 'field'} />
        <Canvas />
        <PropertyPanel />
      </div>
      {overlay ? (
        <DragOverlay dropAnimation={null}>
          {dragging && dragging.kind !== 'trash' && dragging.kind !== 'container' ? (
            <div className="dz-drag-chip">
              <Icon name={dragging.type} />
              {dragging.label}
            </div>
          ) : null}
        </DragOverlay>
      ) : null}
    </DndContext>
  );
}
