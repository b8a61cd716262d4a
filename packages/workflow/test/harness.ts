import { message, type Workflow } from '@gongfang/schema';
import { expect } from 'vitest';
import type {
  Action,
  ConditionEvaluator,
  Directory,
  FlowContext,
  FlowEvent,
  FlowInstance,
  FlowResult,
} from '../src/index.ts';
import { applyAction, startFlow } from '../src/index.ts';

export const NOW = '2026-03-02T08:00:00.000Z';

/** A directory from plain tables: `leads` maps a user to their direct lead. */
export function directory(roles: Record<string, string[]> = {}, leads: Record<string, string> = {}): Directory {
  return {
    usersWithRole: (role) => roles[role] ?? [],
    leadOf: (user, level) => {
      let current: string | undefined = user;
      for (let i = 0; i < level && current !== undefined; i++) current = leads[current];
      return current;
    },
  };
}

/**
 * A stand-in for the expression language: `field op literal` with op one of > < = and a number or
 * a double-quoted string; anything else is an error, like a malformed expression would be.
 */
export const fakeConditions: ConditionEvaluator = (expression, data) => {
  const m = /^(\w+) ([<>=]) (?:(-?\d+(?:\.\d+)?)|"([^"]*)")$/.exec(expression.trim());
  if (!m) return { ok: false, error: message(`无法解析：${expression}`, `Cannot parse: ${expression}`) };
  const [, field = '', op, num, str] = m;
  const left = data[field];
  const right = num !== undefined ? Number(num) : str;
  if (op === '=') return { ok: true, value: left === right };
  if (typeof left !== 'number' || typeof right !== 'number') {
    return { ok: false, error: message(`${field} 不是数字`, `${field} is not a number`) };
  }
  return { ok: true, value: op === '>' ? left > right : left < right };
};

export function context(workflow: Workflow, overrides: Partial<FlowContext> = {}): FlowContext {
  return { workflow, data: {}, directory: directory(), now: NOW, conditions: fakeConditions, ...overrides };
}

export type Ok = Extract<FlowResult, { ok: true }>;

export function expectOk(result: FlowResult): Ok {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.code}: ${result.error.message.en}`);
  return result;
}

export function start(ctx: FlowContext, initiator = 'ini'): Ok {
  return expectOk(startFlow(ctx, initiator));
}

export function act(ctx: FlowContext, instance: FlowInstance, action: Action): Ok {
  return expectOk(applyAction(ctx, instance, action));
}

/** Approves the open task of `user` (there must be exactly one). */
export function approveAs(
  ctx: FlowContext,
  instance: FlowInstance,
  user: string,
  extra: { comment?: string; signature?: string } = {},
): Ok {
  const mine = instance.tasks.filter((t) => t.status === 'open' && t.assignee === user);
  expect(mine, `open tasks of ${user}`).toHaveLength(1);
  return act(ctx, instance, { type: 'approve', taskId: mine[0]!.id, actor: user, ...extra });
}

/** Who has an open task, sorted, as `node:user`. */
export function open(instance: FlowInstance): string[] {
  return instance.tasks
    .filter((t) => t.status === 'open')
    .map((t) => `${t.nodeId}:${t.assignee}`)
    .sort();
}

export function eventTypes(events: readonly FlowEvent[]): string[] {
  return events.map((e) => e.type);
}
