import type { AppDefinition } from '../generated/types.ts';
import { checkFields } from './checkFields.ts';
import { checkDuplicateIds } from './checkIds.ts';
import { checkLedgers, checkPostings } from './checkLedgers.ts';
import { checkRules } from './checkRules.ts';
import { checkViews } from './checkViews.ts';
import { checkWorkflow } from './checkWorkflow.ts';
import { buildContext } from './context.ts';
import type { DefinitionError } from './errors.ts';
import { guardInput } from './guard.ts';
import { schemaCheck } from './schemaCheck.ts';

export interface DefinitionResult {
  ok: boolean;
  errors: DefinitionError[];
}

/**
 * Validates an untrusted app definition: first its shape (size/depth/keys guard, then the JSON
 * Schema), then — only once the shape is right, so the checks can trust the types — what the
 * schema cannot express: ids, references, expressions, formula cycles, workflow reachability.
 * Never throws.
 */
export function validateDefinition(def: unknown): DefinitionResult {
  const guard = guardInput(def);
  if (guard) return { ok: false, errors: [guard] };
  const shape = schemaCheck(def);
  if (shape.length > 0) return { ok: false, errors: shape };
  const ctx = buildContext(def as AppDefinition);
  checkDuplicateIds(ctx);
  for (const info of ctx.formList) {
    checkFields(ctx, info);
    checkRules(ctx, info);
    checkWorkflow(ctx, info);
    checkPostings(ctx, info);
  }
  checkLedgers(ctx);
  checkViews(ctx);
  return { ok: ctx.errors.errors.length === 0, errors: ctx.errors.errors };
}
