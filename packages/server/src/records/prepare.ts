import { createFormEngine, type FieldProblem } from '@gongfang/schema';
import { refuse } from '../sync/refusal.ts';
import type { CompiledForm } from './definitions.ts';

/** The factory's time zone for TODAY() in rules, formulas and branch conditions. */
export const FACTORY_TIME_ZONE = 'Asia/Shanghai';

/**
 * Checks record data against its form (never trusting the device) and returns what is stored:
 * formulas recomputed by the server, hidden fields and blanks left out. Refuses `invalid-record`
 * with a pointer per problem.
 */
export function prepareData(form: CompiledForm, data: Record<string, unknown>, user: string): Record<string, unknown> {
  const checked = form.validator()(data, { user, mode: 'submit' });
  if (!checked.ok) {
    const problems: FieldProblem[] = checked.errors.map((e) => ({
      pointer: e.pointer,
      field: e.field,
      code: e.code,
      message: e.message,
    }));
    throw refuse('invalid-record', problems);
  }
  return createFormEngine(form.form, { data, user, timeZone: FACTORY_TIME_ZONE }).data();
}
