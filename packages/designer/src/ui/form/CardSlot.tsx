import { localize } from '@gongfang/schema';
import { type KeyboardEvent, type MouseEvent, memo, useLayoutEffect, useRef, useState } from 'react';
import { FIELD_TYPE_INFO, type FieldType } from '../../store/fieldTypes.ts';
import { indexOf } from '../../store/tree.ts';
import { formOf, useDesigner, useDesignerState, useLang, useT } from '../DesignerContext.tsx';
import { fieldDndId, type Kind } from './dnd.ts';
import { FieldCard, gridColumnOf } from './FieldCard.tsx';
import { useViewport } from './viewport.ts';

interface Props {
  fieldKey: string;
  container: string;
  containerKind: Kind;
}

/** Height of a card never measured yet (a one-line field; sections and sub-tables are taller). */
const ESTIMATE = { field: 84, wide: 200 };

/**
 * A field's place on the canvas. Near the visible canvas it holds the real, sortable card; further
 * away a light stand-in of the same size and accessible name, so the cost of a drag move, a drop or
 * an edit depends on what is on screen, not on the number of fields. The stand-in is focusable and
 * clickable like the card: focusing it mounts the card and moves the focus onto it.
 */
export const CardSlot = memo(function CardSlot({ fieldKey, container, containerKind }: Props) {
  const viewport = useViewport();
  const gridColumn = useDesignerState((s) => gridColumnOf(indexOf(formOf(s)).get(fieldKey)?.field, containerKind));
  // A card being dragged or selected stays mounted (dnd-kit keeps measuring it; it may hold the
  // focus), and so does a section or sub-table holding one (a problem's field is scrolled to inside it).
  const pinned = useDesignerState((s) => {
    const keys = s.ui.dragging?.startsWith('field:') ? [...s.ui.selection, s.ui.dragging.slice(6)] : s.ui.selection;
    if (keys.includes(fieldKey) || s.ui.dragging === fieldDndId(fieldKey)) return true;
    const index = indexOf(formOf(s));
    return keys.some((key) => within(index, key, fieldKey));
  });
  // A card holding the keyboard focus stays mounted too: unmounting it would drop the focus to the page.
  const [focused, setFocused] = useState(false);
  // Decided in the layout effect below, before the first paint (true without a viewport: tests).
  const [near, setNear] = useState(viewport === null);
  const ref = useRef<HTMLDivElement>(null);
  const height = useRef<number | undefined>(undefined);
  const focusCard = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !viewport) return;
    setNear(viewport.isNear(el));
    return viewport.observe(el, (isNear) => {
      if (!isNear) height.current = el.offsetHeight || height.current;
      setNear(isNear);
    });
  }, [viewport]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const focusIn = () => setFocused(true);
    const focusOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setFocused(false);
    };
    el.addEventListener('focusin', focusIn);
    el.addEventListener('focusout', focusOut);
    return () => {
      el.removeEventListener('focusin', focusIn);
      el.removeEventListener('focusout', focusOut);
    };
  }, []);

  const mounted = near || pinned || focused;
  useLayoutEffect(() => {
    if (!mounted || !focusCard.current) return;
    focusCard.current = false;
    ref.current?.querySelector<HTMLElement>('.dz-card-grab')?.focus();
  });

  const wide = gridColumn === '1 / -1';
  return (
    <div
      ref={ref}
      className="dz-slot"
      data-key={fieldKey}
      style={{
        gridColumn,
        minHeight: mounted ? undefined : (height.current ?? (wide ? ESTIMATE.wide : ESTIMATE.field)),
      }}
    >
      {mounted ? (
        <FieldCard fieldKey={fieldKey} container={container} containerKind={containerKind} />
      ) : (
        <CardStub
          fieldKey={fieldKey}
          onFocus={() => {
            focusCard.current = true;
            setNear(true);
          }}
        />
      )}
    </div>
  );
});

/** The stand-in: the card's role, name and click, no preview and no dnd-kit hooks. */
/** `key` sits inside the container `ancestor` (a section, a sub-table, or a sub-table in a section). */
function within(index: ReturnType<typeof indexOf>, key: string, ancestor: string): boolean {
  for (let container = index.get(key)?.container; container; container = index.get(container)?.container) {
    if (container === ancestor) return true;
  }
  return false;
}

function CardStub({ fieldKey, onFocus }: { fieldKey: string; onFocus: () => void }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const name = useDesignerState((s) => {
    const field = indexOf(formOf(s)).get(fieldKey)?.field;
    if (!field) return '';
    const label = localize(field.label, lang) || field.id;
    const type = FIELD_TYPE_INFO[field.type as FieldType]?.name[lang] ?? field.type;
    return t('dragField', { label, type });
  });
  const select = (e: MouseEvent | KeyboardEvent) =>
    designer.select([fieldKey], e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
  return (
    // biome-ignore lint/a11y/useSemanticElements: stands in for the card's activator, which is a div role=button
    <div
      className="dz-card dz-card-stub"
      role="button"
      tabIndex={0}
      aria-roledescription={t('roleDescription')}
      aria-label={name}
      // The real card is a toggle (selected or not); a stand-in is never the selected one.
      aria-pressed={false}
      onFocus={onFocus}
      // Selected at once on press: focusing would swap in the card under the pointer, and the click
      // would then land on neither.
      onMouseDown={(e) => {
        e.preventDefault();
        select(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select(e);
      }}
    />
  );
}
