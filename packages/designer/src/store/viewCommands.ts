// The views designer's commands: views, ledgers and a form's postings, edited by path. Each call is
// one user edit (one undo step; typing into one property folds by its merge key).
import type { AggregateView, AppDefinition, ChartView, Ledger, ListView, Posting, View } from '@gongfang/schema';
import type { Designer } from './Designer.ts';
import { uniqueId } from './ids.ts';
import { moveAt, type Path, pushAt, setAt } from './paths.ts';

export type ViewKind = View['type'];

/** Sets (undefined: removes) a value anywhere in the document; typing folds into one step. */
export function setDocValue(d: Designer, path: Path, value: unknown): void {
  d.update((doc) => setAt(doc, path, value), 'user', `doc:${path.join('/')}`);
}

export function pushDocValue(d: Designer, path: Path, value: unknown): void {
  d.update((doc) => {
    pushAt(doc, path, value);
  });
}

export function moveDocValue(d: Designer, path: Path, index: number, delta: number): void {
  d.update((doc) => moveAt(doc, path, index, delta));
}

export function removeDocValue(d: Designer, path: Path): void {
  d.update((doc) => setAt(doc, path, undefined));
}

function newView(kind: ViewKind, doc: AppDefinition, id: string): View {
  const form = doc.forms[0]!;
  const firstField = form.fields.find((f) => f.type !== 'section' && f.type !== 'subtable')?.id;
  const name = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  if (kind === 'list') {
    const v: ListView = { id, type: 'list', name: name('新列表', 'New list'), form: form.id, columns: ['$createdAt'] };
    if (firstField) v.columns = [firstField, '$createdAt'];
    return v;
  }
  if (kind === 'aggregate') {
    const v: AggregateView = {
      id,
      type: 'aggregate',
      name: name('新汇总', 'New summary'),
      source: { form: form.id },
      groupBy: [{ key: firstField ?? 'field' }],
      measures: [{ id: 'count', label: name('记录数', 'Records'), agg: 'count' }],
    };
    return v;
  }
  const source = doc.views?.find((v): v is AggregateView => v.type === 'aggregate');
  const v: ChartView = {
    id,
    type: 'chart',
    name: name('新图表', 'New chart'),
    view: source?.id ?? '',
    chart: 'bar',
    x: source?.groupBy[0]?.key ?? '',
    y: [source?.measures[0]?.id ?? ''],
  };
  return v;
}

export function addView(d: Designer, kind: ViewKind): string {
  const id = d.update((doc) => {
    const taken = new Set((doc.views ?? []).map((v) => v.id));
    const vid = uniqueId(kind === 'aggregate' ? 'summary' : kind, taken);
    doc.views ??= [];
    doc.views.push(newView(kind, doc as AppDefinition, vid));
    return vid;
  });
  d.setUi({ viewSelection: `view:${id}` });
  return id;
}

export function addLedger(d: Designer): string {
  const id = d.update((doc) => {
    const lid = uniqueId('stock', new Set((doc.ledgers ?? []).map((l) => l.id)));
    const ledger: Ledger = {
      id: lid,
      name: { 'zh-CN': '新台账', en: 'New ledger' },
      keys: [{ id: 'item', label: { 'zh-CN': '物料', en: 'Item' } }],
      measures: [{ id: 'qty', label: { 'zh-CN': '数量', en: 'Quantity' } }],
    };
    doc.ledgers ??= [];
    doc.ledgers.push(ledger);
    return lid;
  });
  d.setUi({ viewSelection: `ledger:${id}` });
  return id;
}

/** Adds a posting of form `formIndex` to a ledger, with an expression per ledger key and measure. */
export function addPosting(d: Designer, formIndex: number, ledgerId: string): void {
  d.update((doc) => {
    const form = doc.forms[formIndex];
    const ledger = doc.ledgers?.find((l) => l.id === ledgerId);
    if (!form || !ledger) return;
    const id = uniqueId('post', new Set((form.postings ?? []).map((p) => p.id)));
    const posting: Posting = {
      id,
      ledger: ledger.id,
      keys: Object.fromEntries(ledger.keys.map((k) => [k.id, ''])),
      measures: Object.fromEntries(ledger.measures.map((m) => [m.id, ''])),
    };
    form.postings ??= [];
    form.postings.push(posting);
  });
}

/** Removes a view, ledger or posting list item; clears the selection when it was selected. */
export function removeItem(d: Designer, path: Path, selection?: string): void {
  removeDocValue(d, path);
  if (selection && d.state.ui.viewSelection === selection) d.setUi({ viewSelection: null });
}
