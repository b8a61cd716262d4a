/** One record of another form, as reference fields and `optionsFrom` list them. */
export interface RecordSummary {
  id: string;
  data: Readonly<Record<string, unknown>>;
}

/** Reads other forms' records (the offline store provides it; the preview page uses seed data). */
export interface RecordSource {
  list(formId: string): Promise<readonly RecordSummary[]>;
}

export const NO_RECORDS: RecordSource = { list: async () => [] };

export function createMemoryRecords(byForm: Readonly<Record<string, readonly RecordSummary[]>>): RecordSource {
  return { list: async (formId) => (Object.hasOwn(byForm, formId) ? (byForm[formId] ?? []) : []) };
}
