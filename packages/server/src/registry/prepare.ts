import { type AppDefinition, type DefinitionError, migrateDefinition, validateDefinition } from '@gongfang/schema';
import { asObject } from './json.ts';

export interface Prepared {
  /** The definition as it would be stored: current format, the app's id and the given version. */
  definition: AppDefinition;
  errors: DefinitionError[];
}

/**
 * Brings a draft to what a publish stores: migrated to the current format, with the app's `id`
 * and the next `version` written in (the designer's copy may carry anything there), then
 * validated. Never throws; a definition that cannot even be migrated comes back with that error.
 */
export function prepareDefinition(raw: unknown, appId: string, version: number): Prepared {
  const migrated = migrateDefinition(raw);
  if (!migrated.ok) return { definition: raw as AppDefinition, errors: [migrated.error] };
  const object = asObject(migrated.definition);
  const definition = (object ? { ...object, id: appId, version } : migrated.definition) as AppDefinition;
  return { definition, errors: validateDefinition(definition).errors };
}
