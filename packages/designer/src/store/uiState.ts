import type { Lang } from '@gongfang/schema';
import type { DesignerTab } from './problems.ts';

/** Panels that open and close around the canvas. */
export interface Panels {
  preview: boolean;
  problems: boolean;
}

/**
 * Everything about the editor that is not the document: never undone, never saved. Kept apart so
 * a selection change re-renders the two cards it touches and the panel, not the form.
 */
export interface UiState {
  tab: DesignerTab;
  formIndex: number;
  /** Selected field keys, in the order they were picked. */
  selection: readonly string[];
  /** Where a shift-click range starts. */
  anchor: string | null;
  hover: string | null;
  panels: Panels;
  /** What is being dragged (a field key or `palette:<type>`), or null. */
  dragging: string | null;
  /** The designer's own language. */
  lang: Lang;
  /** The preview's language (the operators' view), switched separately. */
  previewLang: Lang;
  /** A request to scroll a field into view and focus one of its properties (problems list). */
  reveal: { key: string; prop?: string; nonce: number } | null;
  /** The flow tab's selection: a node id, a branch id, `$start` (the initiator), or null (the flow's settings). */
  flowSelection: string | null;
  /** The views tab's selection: `view:<id>`, `ledger:<id>`, `postings:<formId>`, or null. */
  viewSelection: string | null;
}

export function initialUi(lang: Lang = 'zh-CN'): UiState {
  return {
    tab: 'form',
    formIndex: 0,
    selection: [],
    anchor: null,
    hover: null,
    panels: { preview: false, problems: true },
    dragging: null,
    lang,
    previewLang: lang,
    reveal: null,
    flowSelection: null,
    viewSelection: null,
  };
}
