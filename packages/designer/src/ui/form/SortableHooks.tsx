import { useSortable } from '@dnd-kit/sortable';
import { CSS as DndCss } from '@dnd-kit/utilities';
import { localize } from '@gongfang/schema';
import { memo, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { FieldType } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesignerList, useLang } from '../DesignerContext.tsx';
import { type DragData, dataOf, fieldDndId, type Kind } from './dnd.ts';
import type { SortableCards } from './sortableCards.ts';

interface ListProps {
  cards: SortableCards;
  container: string;
  containerKind: Kind;
}

/**
 * dnd-kit's sortable hooks of every mounted card of one list, in one component: a drag move
 * re-renders it once, not each card (see sortableCards.ts). Rendered inside the list's
 * SortableContext, after the cards (whose DOM it hands to dnd-kit).
 */
export const SortableHooks = memo(function SortableHooks({ keys, ...list }: ListProps & { keys: string[] }) {
  useSyncExternalStore(list.cards.subscribeMounts, list.cards.mounts);
  // Sorted by key, not by place: a drop that reorders the list keeps the instance (and dnd-kit's
  // settle animation); a card mounting or unmounting makes a new one, as its number of hooks is fixed.
  const mounted = keys.filter(list.cards.isMounted).sort();
  return <MountedHooks key={mounted.join('\n')} keys={mounted} {...list} />;
});

function MountedHooks({ keys, cards, container, containerKind }: ListProps & { keys: string[] }) {
  const lang = useLang();
  const fields = useDesignerList((s) => {
    const index = indexOf(formOf(s));
    return keys.map((key) => {
      const field = index.get(key)?.field;
      return field ? `${field.type}\n${localize(field.label, lang) || field.id}` : '';
    });
  });
  for (let i = 0; i < keys.length; i++) {
    // biome-ignore lint/correctness/useHookAtTopLevel: one call per mounted card; the list of cards is this instance's key, so the calls never change order
    useCardSortable(cards, keys[i] as string, fields[i] ?? '', container, containerKind);
  }
  return null;
}

function useCardSortable(cards: SortableCards, key: string, field: string, container: string, containerKind: Kind) {
  const [type = '', label = ''] = field.split('\n');
  const data = useMemo(
    () => ({ kind: 'field', key, type: type as FieldType, label, container, containerKind }) satisfies DragData,
    [key, type, label, container, containerKind],
  );
  const sortable = useSortable({ id: fieldDndId(key), data });
  const { setNodeRef, setActivatorNodeRef } = sortable;
  useLayoutEffect(() => {
    const nodes = cards.nodesOf(key);
    // The slot, not the card: all slots of a list share one parent, so moving over the next field keeps
    // dnd-kit's scrollable ancestors (it looks them up again, re-rendering twice more, on another parent).
    setNodeRef(nodes?.slot ?? null);
    setActivatorNodeRef(nodes?.activator ?? null);
  }, [cards, key, setNodeRef, setActivatorNodeRef]);
  // Only fields of the container being sorted shift; a field dragged in from elsewhere does not push them.
  const active = dataOf(sortable.active);
  const sameList = active?.kind === 'field' && active.container === container;
  const transform = sameList ? DndCss.Translate.toString(sortable.transform) : undefined;
  const { transition, isDragging, listeners } = sortable;
  const over = sortable.isOver && !sameList;
  const describedBy = sortable.attributes['aria-describedby'];
  useLayoutEffect(() => {
    cards.setListeners(key, listeners);
    cards.publish(key, { transform, transition, dragging: isDragging, over, describedBy });
  });
}
