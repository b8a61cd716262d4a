/** Entity types the server writes to the audit log (the filter offers these). */
export const ENTITY_TYPES = [
  'user',
  'role',
  'app',
  'template',
  'record',
  'device',
  'webhook',
  'session',
  'ledger_exception',
  'organization',
] as const;
