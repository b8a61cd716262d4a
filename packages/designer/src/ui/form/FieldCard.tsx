import { useDroppable } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS as DndCss } from '@dnd-kit/utilities';
import { type Lang, localize } from '@gongfang/schema';
import { type KeyboardEvent, type MouseEvent, memo, useCallback } from 'react';
import type { Designer } from '../../store/Designer.ts';
import { type AnyField, FIELD_TYPE_INFO, type FieldType } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { Icon } from '../icons.tsx';
import { containerDndId, type DragData, dataOf, fieldDndId, type Kind } from './dnd.ts';
import { FieldList } from './FieldList.tsx';
import { FieldPreview } from './FieldPreview.tsx';

interface Props {
  fieldKey: string;
  container: string;
  containerKind: Kind;
}

/**
 * One field on the canvas, mounted while it is on or near the screen (see CardSlot.tsx). The
 * sortable wrapper is thin (dnd-kit re-renders it while dragging); the body and nested lists are
 * memoized on the field object, which immer keeps identical until that field changes.
 */
export const FieldCard = memo(function FieldCard({ fieldKey, container, containerKind }: Props) {
  const field = useDesignerState((s) => indexOf(formOf(s)).get(fieldKey)?.field);
  const selected = useDesignerState((s) => s.ui.selection.includes(fieldKey));
  const faulty = useDesignerState((s) => s.problems.some((p) => p.fieldKey === fieldKey));
  const lang = useLang();
  const t = useT();
  const designer = useDesigner();
  const label = field ? localize(field.label, lang) || field.id : fieldKey;
  const typeName = field ? (FIELD_TYPE_INFO[field.type as FieldType]?.name[lang] ?? field.type) : '';
  const sortable = useSortable({
    id: fieldDndId(fieldKey),
    data: {
      kind: 'field',
      key: fieldKey,
      type: field?.type as FieldType,
      label,
      container,
      containerKind,
    } satisfies DragData,
  });
  // dnd-kit's node is the card's slot (CardSlot's div, the card's parent; measured without
  // transforms, so the same box as the card). All slots of a list share one parent: dnd-kit looks up
  // the scrollable ancestors of the node under a drag again whenever its parent differs from the last
  // one's, and each look-up costs two more renders of the whole drag context at every field crossed.
  // (A ref, not an effect reading the slot's ref: a card mounting with its slot, a new selected
  // field, runs its effects before the slot's ref is set; its own DOM is in the slot by then.)
  const { setNodeRef } = sortable;
  const setNode = useCallback(
    (el: HTMLElement | null) => {
      setNodeRef(el?.parentElement ?? null);
    },
    [setNodeRef],
  );
  if (!field) return null;
  // Only fields of the container being sorted shift; a field dragged in from elsewhere does not push them.
  const sameList =
    dataOf(sortable.active)?.kind === 'field' &&
    (dataOf(sortable.active) as { container: string }).container === container;
  const style = {
    transform: sameList ? DndCss.Translate.toString(sortable.transform) : undefined,
    transition: sortable.transition,
  };
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
      ref={setNode}
      style={style}
      className={`dz-card dz-card-${field.type}${selected ? ' is-selected' : ''}${sortable.isDragging ? ' is-dragging' : ''}${sortable.isOver && !sameList ? ' is-over' : ''}${faulty ? ' has-problem' : ''}`}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: the activator holds block previews, which a <button> may not */}
      <div
        className="dz-card-grab"
        {...sortable.attributes}
        {...sortable.listeners}
        role="button"
        tabIndex={0}
        aria-roledescription={t('roleDescription')}
        aria-label={t('dragField', { label, type: typeName })}
        aria-pressed={selected}
        onClick={onClick}
        onKeyDown={(e) => {
          onKeyDown(e);
          sortable.listeners?.onKeyDown?.(e);
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
