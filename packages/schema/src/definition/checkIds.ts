import { message } from '../i18n.ts';
import type { CheckContext } from './context.ts';
import type { ErrorList } from './errors.ts';

/** Reports every id that repeats an earlier one in the same scope, at the later occurrence. */
class Scope {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly errors: ErrorList,
    private readonly what: { zh: string; en: string },
  ) {}
  add(id: string, pointer: string): void {
    const first = this.seen.get(id);
    if (first === undefined) {
      this.seen.set(id, pointer);
      return;
    }
    this.errors.add(
      pointer,
      'duplicate-id',
      message(
        `${this.what.zh} id「${id}」重复（已在 ${first} 使用）`,
        `Duplicate ${this.what.en} id “${id}” (already used at ${first})`,
      ),
    );
  }
}

export function checkDuplicateIds(ctx: CheckContext): void {
  const { def, errors } = ctx;
  const roles = new Scope(errors, { zh: '角色', en: 'role' });
  def.roles.forEach((r, i) => {
    roles.add(r.id, `/roles/${i}/id`);
  });
  const forms = new Scope(errors, { zh: '表单', en: 'form' });
  for (const info of ctx.formList) {
    forms.add(info.form.id, `${info.pointer}/id`);
    const fields = new Scope(errors, { zh: '字段', en: 'field' });
    const columns = new Map<string, Scope>();
    for (const entry of info.entries) {
      const at = `${info.pointer}${entry.pointer}`;
      if (entry.parent) {
        // columns are keyed per sub-table object, so two sub-tables may share column ids
        const key = `${at.slice(0, at.lastIndexOf('/fields/'))}`;
        let scope = columns.get(key);
        if (!scope) {
          scope = new Scope(errors, { zh: '列', en: 'column' });
          columns.set(key, scope);
        }
        scope.add(entry.field.id, `${at}/id`);
      } else {
        fields.add(entry.field.id, `${at}/id`);
      }
      const field = entry.field;
      if ('options' in field && field.options) {
        const values = new Scope(errors, { zh: '选项值', en: 'option value' });
        field.options.forEach((o, i) => {
          values.add(o.value, `${at}/options/${i}/value`);
        });
      }
    }
    const postings = new Scope(errors, { zh: '过账', en: 'posting' });
    (info.form.postings ?? []).forEach((p, i) => {
      postings.add(p.id, `${info.pointer}/postings/${i}/id`);
    });
    if (info.form.workflow) {
      const nodes = new Scope(errors, { zh: '流程节点或分支', en: 'workflow node or branch' });
      walkNodeIds(info.form.workflow.nodes, `${info.pointer}/workflow/nodes`, nodes);
    }
  }
  const ledgers = new Scope(errors, { zh: '台账', en: 'ledger' });
  (def.ledgers ?? []).forEach((l, i) => {
    ledgers.add(l.id, `/ledgers/${i}/id`);
    const keys = new Scope(errors, { zh: '台账维度', en: 'ledger key' });
    l.keys.forEach((k, j) => {
      keys.add(k.id, `/ledgers/${i}/keys/${j}/id`);
    });
    const measures = new Scope(errors, { zh: '台账数量', en: 'ledger measure' });
    l.measures.forEach((m, j) => {
      measures.add(m.id, `/ledgers/${i}/measures/${j}/id`);
    });
    const guards = new Scope(errors, { zh: '台账校验', en: 'ledger guard' });
    (l.guards ?? []).forEach((g, j) => {
      guards.add(g.id, `/ledgers/${i}/guards/${j}/id`);
    });
  });
  const views = new Scope(errors, { zh: '视图', en: 'view' });
  (def.views ?? []).forEach((v, i) => {
    views.add(v.id, `/views/${i}/id`);
    if (v.type === 'aggregate') {
      const measures = new Scope(errors, { zh: '统计指标', en: 'measure' });
      v.measures.forEach((m, j) => {
        measures.add(m.id, `/views/${i}/measures/${j}/id`);
      });
    }
  });
}

type NodeLike = {
  id: string;
  type: string;
  branches?: { id: string; nodes: NodeLike[] }[];
  default?: { id: string; nodes: NodeLike[] };
};

function walkNodeIds(nodes: readonly NodeLike[], pointer: string, scope: Scope): void {
  nodes.forEach((node, i) => {
    const at = `${pointer}/${i}`;
    scope.add(node.id, `${at}/id`);
    node.branches?.forEach((b, j) => {
      scope.add(b.id, `${at}/branches/${j}/id`);
      walkNodeIds(b.nodes, `${at}/branches/${j}/nodes`, scope);
    });
    if (node.default) {
      scope.add(node.default.id, `${at}/default/id`);
      walkNodeIds(node.default.nodes, `${at}/default/nodes`, scope);
    }
  });
}
