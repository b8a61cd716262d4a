import {
  horizontalListSortingStrategy,
  rectSortingStrategy,
  SortableContext,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { type CSSProperties, memo, useMemo } from 'react';
import type { AnyField } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesignerList } from '../DesignerContext.tsx';
import { CardSlot } from './CardSlot.tsx';
import { fieldDndId, type Kind } from './dnd.ts';

const STRATEGY = {
  root: verticalListSortingStrategy,
  section: rectSortingStrategy,
  subtable: horizontalListSortingStrategy,
};

/**
 * The children of one container as sortable cards. Re-renders only when its list of keys changes
 * (memo: a drag move re-renders the cards on screen, never the list).
 */
export const FieldList = memo(function FieldList({
  container,
  kind,
  columns = 1,
}: {
  container: string;
  kind: Kind;
  columns?: number;
}) {
  const keys = useDesignerList((s) => {
    const form = formOf(s);
    const list: AnyField[] =
      container === ''
        ? (form.fields as AnyField[])
        : ((indexOf(form).get(container)?.field as { fields?: AnyField[] })?.fields ?? []);
    return list.map((f) => (kind === 'subtable' ? `${container}.${f.id}` : f.id));
  });
  const ids = useMemo(() => keys.map(fieldDndId), [keys]);
  return (
    <SortableContext items={ids} strategy={STRATEGY[kind]}>
      <div className={`dz-list dz-list-${kind}`} style={{ '--dz-cols': columns } as CSSProperties}>
        {keys.map((key) => (
          <CardSlot key={key} fieldKey={key} container={container} containerKind={kind} />
        ))}
      </div>
    </SortableContext>
  );
});
