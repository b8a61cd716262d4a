/**
 * Definition format 2 → 3.
 *
 * Format 2 (`schemaVersion: 2`) differed from format 3 in three places:
 *   - a field's rules sat in a nested object, `rules: { visible?: expr, required?: expr }`;
 *     format 3 has them as `visibleWhen` / `requiredWhen` on the field itself;
 *   - a form's approval was a flat list of role steps, `approval: { steps: [{ role, name? }] }`,
 *     run one after another; format 3 has `workflow.nodes`, where each step becomes an
 *     `approver` node with `assignee: { kind: "role", role }`;
 *   - `permissions` was optional and, when absent, every role of the app could submit the form;
 *     format 3 requires it, so the migration writes that rule out as `submit: [every role id]`.
 * Format 2 had no ledgers, conditions or CC steps; they were introduced with format 3.
 */
import { message } from '../i18n.ts';
import { copy, isObject, type JsonObject, MAX_FIELD_DEPTH, MigrationStop, mapArray, pointer } from './shape.ts';

const RULE_KEYS: Readonly<Record<string, string>> = { visible: 'visibleWhen', required: 'requiredWhen' };

function field(value: unknown, at: string, depth: number): unknown {
  if (!isObject(value) || depth > MAX_FIELD_DEPTH) return value;
  const out = copy(value);
  if (Object.hasOwn(out, 'rules')) {
    const rules = out.rules;
    delete out.rules;
    if (!isObject(rules)) {
      throw new MigrationStop({
        pointer: `${at}/rules`,
        code: 'invalid_rules',
        message: message(
          'rules 必须是对象，如 { "visible": "..." }',
          'rules must be an object such as { "visible": "..." }',
        ),
      });
    }
    for (const [key, expr] of Object.entries(rules)) {
      const target = Object.hasOwn(RULE_KEYS, key) ? RULE_KEYS[key] : undefined;
      if (target === undefined) {
        throw new MigrationStop({
          pointer: `${at}/rules${pointer(key)}`,
          code: 'unknown_rule',
          message: message(
            `格式 2 中没有规则 "${key}"，只有 visible 和 required`,
            `Format 2 has no rule "${key}", only visible and required`,
          ),
        });
      }
      if (Object.hasOwn(out, target)) {
        throw new MigrationStop({
          pointer: `${at}/rules${pointer(key)}`,
          code: 'conflicting_rule',
          message: message(
            `字段同时有 rules.${key} 和 ${target}，无法判断保留哪一个`,
            `The field has both rules.${key} and ${target}; cannot tell which to keep`,
          ),
        });
      }
      out[target] = expr;
    }
  }
  if (Object.hasOwn(out, 'fields')) {
    out.fields = mapArray(out.fields, (f, i) => field(f, `${at}/fields/${i}`, depth + 1));
  }
  return out;
}

function approverNode(step: unknown, at: string, index: number): JsonObject {
  if (!isObject(step) || typeof step.role !== 'string') {
    throw new MigrationStop({
      pointer: isObject(step) ? `${at}/role` : at,
      code: 'approval_step_without_role',
      message: message('审批步骤缺少角色（role）', 'The approval step names no role'),
    });
  }
  const node: JsonObject = { id: `approval_${index + 1}`, type: 'approver' };
  if (Object.hasOwn(step, 'name')) node.name = step.name;
  node.assignee = { kind: 'role', role: step.role };
  return node;
}

function form(value: unknown, at: string, roleIds: readonly string[]): unknown {
  if (!isObject(value)) return value;
  const out = copy(value);
  if (Object.hasOwn(out, 'fields')) out.fields = mapArray(out.fields, (f, i) => field(f, `${at}/fields/${i}`, 1));
  if (Object.hasOwn(out, 'approval')) {
    const approval = out.approval;
    delete out.approval;
    if (Object.hasOwn(out, 'workflow')) {
      throw new MigrationStop({
        pointer: `${at}/approval`,
        code: 'conflicting_workflow',
        message: message(
          '表单同时有 approval 和 workflow，无法判断保留哪一个',
          'The form has both approval and workflow; cannot tell which to keep',
        ),
      });
    }
    const steps = isObject(approval) ? approval.steps : undefined;
    if (!Array.isArray(steps)) {
      throw new MigrationStop({
        pointer: `${at}/approval`,
        code: 'invalid_approval',
        message: message('approval 必须是 { "steps": [...] }', 'approval must be { "steps": [...] }'),
      });
    }
    // An empty step list meant "no approval": the record is final when submitted.
    if (steps.length > 0) {
      out.workflow = { nodes: steps.map((s, i) => approverNode(s, `${at}/approval/steps/${i}`, i)) };
    }
  }
  if (!Object.hasOwn(out, 'permissions')) out.permissions = { submit: [...roleIds] };
  return out;
}

export function migrateV2ToV3(def: JsonObject): JsonObject {
  const out = copy(def);
  out.schemaVersion = 3;
  const roleIds = Array.isArray(def.roles)
    ? def.roles.flatMap((r) => (isObject(r) && typeof r.id === 'string' ? [r.id] : []))
    : [];
  if (Object.hasOwn(out, 'forms')) out.forms = mapArray(out.forms, (f, i) => form(f, `/forms/${i}`, roleIds));
  return out;
}
