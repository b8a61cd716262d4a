// Drag-and-drop rules of the form canvas: what may be dropped where, and where a drop lands.
import {
  type Active,
  type CollisionDetection,
  closestCenter,
  type KeyboardCoordinateGetter,
  type Over,
  pointerWithin,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { Form } from '@gongfang/schema';
import type { FieldType } from '../../store/fieldTypes.ts';
import { accepts, indexOf, type Place } from '../../store/tree.ts';

export type Kind = 'root' | 'section' | 'subtable';

/** What each draggable and droppable carries in `data`. */
export type DragData =
  | { kind: 'palette'; type: FieldType; label: string }
  | { kind: 'field'; key: string; type: FieldType; label: string; container: string; containerKind: Kind }
  | { kind: 'container'; key: string; containerKind: Kind; label: string }
  | { kind: 'trash' };

export const fieldDndId = (key: string) => `field:${key}`;
export const containerDndId = (key: string) => `container:${key}`;
export const paletteDndId = (type: string) => `palette:${type}`;
export const TRASH_ID = 'trash';

function dataOf(x: { data: { current?: unknown } } | null | undefined): DragData | undefined {
  return x?.data.current as DragData | undefined;
}

/** Whether `target` is `key` itself or sits inside it (a section's children, a sub-table's columns). */
function within(form: Form, target: string, key: string): boolean {
  let at: string | undefined = target;
  const index = indexOf(form);
  while (at !== undefined && at !== '') {
    if (at === key) return true;
    at = index.get(at)?.container;
  }
  return false;
}

function allowed(form: Form, active: DragData | undefined, target: DragData | undefined): boolean {
  if (!active || !target || active.kind === 'container' || active.kind === 'trash') return false;
  if (target.kind === 'trash') return active.kind === 'field';
  if (target.kind === 'palette') return false;
  const own = active.kind === 'field' ? active.key : undefined;
  if (target.kind === 'container') {
    return accepts(target.containerKind, active.type) && !(own && within(form, target.key, own));
  }
  if (own && target.key !== own && within(form, target.key, own)) return false;
  return accepts(target.containerKind, active.type);
}

/**
 * Keyboard drags go from field to field; a container is a keyboard target only while it has no
 * field (its end is the place of its last field, or after it). Otherwise the canvas itself, a
 * drop target as big as the screen, could be the closest to a card moved near the screen's middle,
 * or the only target below it while the next cards mount: the card jumped to the end of the form.
 */
function keyboardTarget(form: Form, target: DragData | undefined): boolean {
  return target?.kind !== 'container' || fieldsOf(form, target.key).length === 0;
}

/** The fields of a container: the form's own (`''`), a section's or a sub-table's. */
function fieldsOf(form: Form, container: string): readonly unknown[] {
  if (container === '') return form.fields;
  return (indexOf(form).get(container)?.field as { fields?: unknown[] } | undefined)?.fields ?? [];
}

/** dnd-kit's sortable keyboard moves (to the next droppable in the arrow's direction) among keyboard targets. */
export function keyboardCoordinatesFor(getForm: () => Form): KeyboardCoordinateGetter {
  return (event, args) => {
    const form = getForm();
    const all = args.context.droppableContainers;
    const enabled = all.getEnabled().filter((c) => keyboardTarget(form, dataOf(c)));
    const targets = { getEnabled: () => enabled, get: (id: Parameters<typeof all.get>[0]) => all.get(id) };
    return sortableKeyboardCoordinates(event, {
      ...args,
      context: { ...args.context, droppableContainers: targets as unknown as typeof all },
    });
  };
}

/**
 * Pointer drags: the innermost droppable under the pointer that takes the dragged field (a field
 * in a section beats the section). Keyboard drags: the closest such keyboard target.
 */
export function collisionFor(getForm: () => Form): CollisionDetection {
  return (args) => {
    const form = getForm();
    const active = dataOf(args.active);
    const droppableContainers = args.droppableContainers.filter((c) => allowed(form, active, dataOf(c)));
    if (args.pointerCoordinates) {
      const hits = pointerWithin({ ...args, droppableContainers });
      if (hits.length === 0) return [];
      const area = (id: string | number) => {
        const r = args.droppableRects.get(id);
        return r ? r.width * r.height : Number.POSITIVE_INFINITY;
      };
      return [hits.reduce((best, h) => (area(h.id) < area(best.id) ? h : best))];
    }
    return closestCenter({
      ...args,
      droppableContainers: droppableContainers.filter((c) => keyboardTarget(form, dataOf(c))),
    });
  };
}

/** Where a drop lands: a place in a container, the trash, or nowhere. */
export function dropPlace(form: Form, active: Active, over: Over | null): Place | 'trash' | undefined {
  const target = dataOf(over);
  const source = dataOf(active);
  if (!target || !source) return undefined;
  if (target.kind === 'trash') return 'trash';
  if (target.kind === 'container') {
    return { container: target.key, index: fieldsOf(form, target.key).length };
  }
  if (target.kind !== 'field') return undefined;
  const loc = indexOf(form).get(target.key);
  if (!loc) return undefined;
  if (source.kind === 'field' && source.container === loc.container) {
    const from = indexOf(form).get(source.key)?.index ?? 0;
    // Sortable semantics: the dragged field takes the place of the one it is over.
    return { container: loc.container, index: loc.index > from ? loc.index + 1 : loc.index };
  }
  const dragged = active.rect.current.translated;
  const rect = over?.rect;
  const after =
    dragged && rect
      ? target.containerKind === 'subtable'
        ? dragged.left + dragged.width / 2 > rect.left + rect.width / 2
        : dragged.top + dragged.height / 2 > rect.top + rect.height / 2
      : false;
  return { container: loc.container, index: loc.index + (after ? 1 : 0) };
}

export { dataOf };
