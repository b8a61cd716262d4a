import { useDroppable } from '@dnd-kit/core';
import { type Lang, localize } from '@gongfang/schema';
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { Designer } from '../../store/Designer.ts';
import { type AnyField, FIELD_TYPE_INFO, type FieldType } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { containerDndId, type DragData, type Kind } from './dnd.ts';
import { FieldList } from './FieldList.tsx';
import { FieldPreview } from './FieldPreview.tsx';
import type { SortableCards } from './sortableCards.ts';

interface Props {
  fieldKey: string;
  cards: SortableCards;
}

/**
 * One field on the canvas, mounted while it is on or near the screen (see CardSlot.tsx). Its drag
 * state comes from its list's sortable hooks (SortableHooks.tsx), so a drag re-renders only the cards
 * it moves; the body and nested lists are memoized on the field object, which immer keeps identical
 * until that field changes.
 */
export const FieldCard = memo(function FieldCard({ fieldKey, cards }: Props) {
  const field = useDesignerState((s) => indexOf(formOf(s)).get(fieldKey)?.field);
  const selected = useDesignerState((s) => s.ui.selection.includes(fieldKey));
  const faulty = useDesignerState((s) => s.problems.some((p) => p.fieldKey === fieldKey));
  const lang = useLang();
  const t = useT();
  const designer = useDesigner();
  const label = field ? localize(field.label, lang) || field.id : fieldKey;
  const typeName = field ? (FIELD_TYPE_INFO[field.type as FieldType]?.name[lang] ?? field.type) : '';
  const drag = useSyncExternalStore(
    useCallback((listener: () => void) => cards.subscribeCard(fieldKey, listener), [cards, fieldKey]),
    () => cards.drag(fieldKey),
  );
  const card = useRef<HTMLDivElement>(null);
  const grab = useRef<HTMLDivElement>(null);
  const shown = field !== undefined;
  useLayoutEffect(() => {
    const slot = card.current?.parentElement;
    if (!shown || !slot || !grab.current) return;
    return cards.mount(fieldKey, { slot, activator: grab.current });
  }, [cards, fieldKey, shown]);
  if (!field) return null;
  const style = { transform: drag.transform, transition: drag.transition };
  const wide = field.type === 'section' || field.type === 'subtable';
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    designer.select([fieldKey], e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      designer.select([fieldKey], e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
    }
  };
  return (
    <div
      ref={card}
      style={style}
      className={`dz-card dz-card-${field.type}${selected ? ' is-selected' : ''}${drag.dragging ? ' is-dragging' : ''}${drag.over ? ' is-over' : ''}${faulty ? ' has-problem' : ''}`}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the activator holds block previews, which a <button> may not */}
      <div
        className="dz-card-grab"
        ref={grab}
        role="button"
        tabIndex={0}
        aria-roledescription={t('roleDescription')}
        aria-describedby={drag.describedBy}
        aria-label={t('dragField', { label, type: typeName })}
        aria-pressed={selected}
        onClick={onClick}
        onPointerDown={(e) => cards.listenersOf(fieldKey)?.onPointerDown?.(e)}
        onKeyDown={(e) => {
          onKeyDown(e);
          cards.listenersOf(fieldKey)?.onKeyDown?.(e);
        }}
      >
        <CardBody field={field} lang={lang} typeName={typeName} />
      </div>
      {selected ? <CardActions designer={designer} fieldKey={fieldKey} label={label} /> : null}
      {wide ? <Nested field={field} fieldKey={fieldKey} label={label} /> : null}
    </div>
  );
});

/** Where a card sits in its container's grid (a section or sub-table spans the row). */
export function gridColumnOf(field: AnyField | undefined, containerKind: Kind): string | undefined {
  if (!field) return undefined;
  if (field.type === 'section' || field.type === 'subtable') return '1 / -1';
  const span = containerKind === 'root' || containerKind === 'section' ? (field.colSpan ?? 1) : 1;
  return `span ${span}`;
}

const CardBody = memo(function CardBody({ field, lang, typeName }: { field: AnyField; lang: Lang; typeName: string }) {
  return (
    <>
      <span className="dz-card-type">
        <Icon name={field.type as FieldType} size={14} />
        {typeName}
      </span>
      <FieldPreview field={field} lang={lang} />
    </>
  );
});

function CardActions({ designer, fieldKey, label }: { designer: Designer; fieldKey: string; label: string }) {
  const t = useT();
  return (
    <div className="dz-card-actions">
      <button
        type="button"
        title={t('duplicate')}
        aria-label={`${t('duplicate')} ${label}`}
        onClick={() => designer.duplicate([fieldKey])}
      >
        <Icon name="copy" size={16} />
      </button>
      <button
        type="button"
        title={t('delete')}
        aria-label={`${t('delete')} ${label}`}
        onClick={() => designer.deleteFields([fieldKey])}
      >
        <Icon name="trash" size={16} />
      </button>
    </div>
  );
}

const Nested = memo(function Nested({ field, fieldKey, label }: { field: AnyField; fieldKey: string; label: string }) {
  const t = useT();
  const kind = field.type === 'subtable' ? 'subtable' : 'section';
  const { setNodeRef, isOver } = useDroppable({
    id: containerDndId(fieldKey),
    data: { kind: 'container', key: fieldKey, containerKind: kind, label } satisfies DragData,
  });
  const empty = ((field as { fields?: unknown[] }).fields ?? []).length === 0;
  return (
    <fieldset
      ref={setNodeRef}
      aria-label={t('containerFields', { label })}
      className={`dz-nested dz-nested-${kind}${isOver ? ' is-over' : ''}`}
    >
      {empty ? <p className="dz-empty">{kind === 'subtable' ? t('emptySubtable') : t('emptySection')}</p> : null}
      <FieldList container={fieldKey} kind={kind} columns={field.type === 'section' ? (field.columns ?? 2) : 1} />
    </fieldset>
  );
});
