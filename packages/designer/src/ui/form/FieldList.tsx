import {
  horizontalListSortingStrategy,
  rectSortingStrategy,
  SortableContext,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import type { CSSProperties } from 'react';
import type { AnyField } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesignerList } from '../DesignerContext.tsx';
import { fieldDndId, type Kind } from './dnd.ts';
import { FieldCard } from './FieldCard.tsx';

const STRATEGY = {
  root: verticalListSortingStrategy,
  section: rectSortingStrategy,
  subtable: horizontalListSortingStrategy,
};

/** The children of one container as sortable cards. Re-renders only when its list of keys changes. */
export function FieldList({ container, kind, columns = 1 }: { container: string; kind: Kind; columns?: number }) {
  const keys = useDesignerList((s) => {
    const form = formOf(s);
    const list: AnyField[] =
      container === ''
        ? (form.fields as AnyField[])
        : ((indexOf(form).get(container)?.field as { fields?: AnyField[] })?.fields ?? []);
    return list.map((f) => (kind === 'subtable' ? `${container}.${f.id}` : f.id));
  });
  const ids = keys.map(fieldDndId);
  return (
    <SortableContext items={ids} strategy={STRATEGY[kind]}>
      <div className={`dz-list dz-list-${kind}`} style={{ '--dz-cols': columns } as CSSProperties}>
        {keys.map((key) => (
          <FieldCard key={key} fieldKey={key} container={container} containerKind={kind} />
        ))}
      </div>
    </SortableContext>
  );
}
