import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { useMemo } from 'react';
import { useT } from '../DesignerContext.tsx';
import { type DragData, dataOf } from './dnd.ts';

/** What a screen reader hears during a drag, in the designer's language (dnd-kit's live region). */
export function useDragAnnouncements(): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  const t = useT();
  return useMemo(() => {
    const name = (d: DragData | undefined) => (d && 'label' in d ? d.label : '');
    const where = (d: DragData | undefined) => {
      if (!d) return '';
      if (d.kind === 'trash') return t('dropToDelete');
      if (d.kind === 'container') return d.key === '' ? t('formEnd') : t('containerEnd', { label: d.label });
      return name(d);
    };
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('picked', { label: name(dataOf(active)) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('overField', { label: name(dataOf(active)), over: where(dataOf(over)) })
          : t('overNothing', { label: name(dataOf(active)) }),
      onDragEnd: ({ active, over }) => {
        const target = dataOf(over);
        if (!target) return t('cancelled', { label: name(dataOf(active)) });
        if (target.kind === 'trash') return t('droppedDelete', { label: name(dataOf(active)) });
        return t('dropped', { label: name(dataOf(active)), over: where(target) });
      },
      onDragCancel: ({ active }) => t('cancelled', { label: name(dataOf(active)) }),
    };
    return { announcements, screenReaderInstructions: { draggable: t('instructions') } };
  }, [t]);
}
