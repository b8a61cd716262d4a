import type { Workflow } from '@gongfang/schema';
import { expressionConditions, type FlowContext } from '@gongfang/workflow';
import { FACTORY_TIME_ZONE } from '../records/prepare.ts';
import type { OrgDirectory } from './directory.ts';

const conditions = expressionConditions({ timeZone: FACTORY_TIME_ZONE });

/** What the state machine needs for one transition of a record's flow. */
export function flowContext(
  workflow: Workflow,
  data: Readonly<Record<string, unknown>>,
  directory: OrgDirectory,
  now: string,
): FlowContext {
  return { workflow, data, directory, now, conditions };
}
