// The problems list: every validateDefinition error, located at the field or node at fault.
import { type AppDefinition, type DefinitionError, type Message, validateDefinition } from '@gongfang/schema';
import type { AnyField } from './fieldTypes.ts';
import { locateInFlow } from './workflow.ts';

export type DesignerTab = 'form' | 'flow' | 'views' | 'settings';

export interface Problem {
  pointer: string;
  code: string;
  message: Message;
  /** Where to go when the problem is clicked. */
  tab: DesignerTab;
  formIndex?: number;
  /** Key of the field at fault (`qty`, `lines.qty`). */
  fieldKey?: string;
  /** The property of that field, e.g. `visibleWhen`, `options`. */
  prop?: string;
  /** The workflow node (or branch) at fault, on the flow tab. */
  nodeId?: string;
  /** What the views tab opens: `view:<id>`, `ledger:<id>`, `postings:<formId>`. */
  viewTarget?: string;
}

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Maps one error's JSON pointer to the field (or tab) it belongs to. */
export function locateProblem(def: AppDefinition, error: DefinitionError): Problem {
  const base: Problem = { ...error, tab: 'settings' };
  const seg = segments(error.pointer);
  if (seg[0] === 'views' || seg[0] === 'ledgers') {
    const item = (seg[0] === 'views' ? def.views : def.ledgers)?.[Number(seg[1])];
    const kind = seg[0] === 'views' ? 'view' : 'ledger';
    return { ...base, tab: 'views', ...(item ? { viewTarget: `${kind}:${item.id}` } : {}) };
  }
  if (seg[0] !== 'forms' || seg[1] === undefined) return base;
  const formIndex = Number(seg[1]);
  const form = def.forms?.[formIndex];
  if (!form) return base;
  if (seg[2] === 'workflow') {
    const at = locateInFlow(form, seg.slice(3));
    const nodeId = at.branchId ?? at.nodeId;
    return { ...base, tab: 'flow', formIndex, ...(nodeId ? { nodeId } : {}) };
  }
  if (seg[2] === 'postings') return { ...base, tab: 'views', formIndex, viewTarget: `postings:${form.id}` };
  if (seg[2] !== 'fields') return { ...base, tab: seg[2] === 'permissions' ? 'settings' : 'form', formIndex };
  // /forms/i/fields/j[/fields/k[/fields/m]]/prop…
  let list: AnyField[] | undefined = form.fields as AnyField[];
  let field: AnyField | undefined;
  let key: string | undefined;
  let i = 2;
  while (seg[i] === 'fields' && list && seg[i + 1] !== undefined && /^\d+$/.test(seg[i + 1]!)) {
    const next: AnyField | undefined = list[Number(seg[i + 1])];
    if (!next) break;
    key = field?.type === 'subtable' ? `${field.id}.${next.id}` : next.id;
    field = next;
    list = next.type === 'section' || next.type === 'subtable' ? (next.fields as AnyField[] | undefined) : undefined;
    i += 2;
  }
  const prop = seg[i];
  return {
    ...base,
    tab: 'form',
    formIndex,
    ...(key !== undefined ? { fieldKey: key } : {}),
    ...(prop !== undefined ? { prop } : {}),
  };
}

/** Validates the definition and locates each error. */
export function findProblems(def: AppDefinition): Problem[] {
  const result = validateDefinition(def);
  return result.errors.map((e) => locateProblem(def, e));
}
