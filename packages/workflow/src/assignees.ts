import type { Assignee } from '@gongfang/schema';
import type { Directory } from './types.ts';

/** Distinct, non-empty names in first-seen order (the order matters for sequential approval). */
function distinct(names: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (typeof name === 'string' && name !== '' && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The people an assignee rule names, before the initiator is taken out. */
export function resolveAssignee(
  assignee: Assignee,
  data: Readonly<Record<string, unknown>>,
  initiator: string,
  directory: Directory,
): string[] {
  switch (assignee.kind) {
    case 'users':
      return distinct(assignee.users);
    case 'role':
      return distinct(directory.usersWithRole(assignee.role));
    case 'initiatorLead': {
      const lead = directory.leadOf(initiator, assignee.level ?? 1);
      return lead === undefined ? [] : distinct([lead]);
    }
    case 'field': {
      // A member field holds one user name, or an array of them when `multiple`.
      const value = Object.hasOwn(data, assignee.field) ? data[assignee.field] : undefined;
      return distinct(Array.isArray(value) ? value : [value]);
    }
  }
}

export type ApproverPick =
  | { source: 'rule'; users: string[] }
  | { source: 'fallback'; users: string[] }
  | { source: 'nobody'; users: [] };

/**
 * Approvers of a node: the rule's people without the initiator (nobody approves their own
 * record); if nobody is left, the fallback role's people without the initiator; else nobody.
 */
export function pickApprovers(
  assignee: Assignee,
  fallbackRole: string | undefined,
  data: Readonly<Record<string, unknown>>,
  initiator: string,
  directory: Directory,
): ApproverPick {
  const byRule = resolveAssignee(assignee, data, initiator, directory).filter((u) => u !== initiator);
  if (byRule.length > 0) return { source: 'rule', users: byRule };
  if (fallbackRole !== undefined) {
    const byRole = distinct(directory.usersWithRole(fallbackRole)).filter((u) => u !== initiator);
    if (byRole.length > 0) return { source: 'fallback', users: byRole };
  }
  return { source: 'nobody', users: [] };
}
