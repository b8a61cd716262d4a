/**
 * The peer of issue 7 row 4: a plain @dnd-kit/sortable list as its documentation builds one — the
 * same 300 items as the designer benchmark's canvas (a label and an input-like box, about a card's
 * height), pointer and keyboard sensors, closestCenter, verticalListSortingStrategy, no memoization.
 */
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const N = Number(new URLSearchParams(location.search).get('n') ?? 300);
const label = (i: number) => (i % 3 === 0 ? `Number ${i + 1}` : `Text ${i + 1}`);

function Item({ id }: { id: string }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    // biome-ignore lint/a11y/useSemanticElements: as in dnd-kit's examples, the item itself is the activator (a div role=button)
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-label={`Item: ${id}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.35 : 1,
        padding: '8px 12px 10px',
        marginBottom: 10,
        border: '1px solid #d5dde5',
        borderRadius: 8,
        background: '#fff',
        cursor: 'grab',
        touchAction: 'none',
      }}
    >
      <div style={{ fontSize: 14, marginBottom: 6 }}>{id}</div>
      <div style={{ height: 40, border: '1px solid #c4ced8', borderRadius: 6 }} />
    </div>
  );
}

function List() {
  const [items, setItems] = useState(() => Array.from({ length: N }, (_, i) => label(i)));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      setItems((list) => arrayMove(list, list.indexOf(String(active.id)), list.indexOf(String(over.id))));
    }
  };
  return (
    <main style={{ height: '100vh', overflowY: 'auto', padding: '24px 32px', boxSizing: 'border-box' }}>
      <div style={{ maxWidth: 860, margin: '0 auto' }}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={items} strategy={verticalListSortingStrategy}>
            {items.map((id) => (
              <Item key={id} id={id} />
            ))}
          </SortableContext>
        </DndContext>
      </div>
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<List />);
