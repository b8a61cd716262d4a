/* Types of the ahead-of-time compiled validators in validate-app.js (see scripts/gen-types.ts). */
import type { ErrorObject } from 'ajv';

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export const validateApp: CompiledValidator;
export const validateRecordEnvelope: CompiledValidator;
