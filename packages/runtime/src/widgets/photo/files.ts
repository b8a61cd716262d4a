import type { FileRef } from '../../ports/attachments.ts';

export function asFiles(v: unknown): FileRef[] {
  if (!Array.isArray(v)) return [];
  return v.filter((f): f is FileRef => typeof f === 'object' && f !== null && typeof (f as FileRef).id === 'string');
}

export function asFile(v: unknown): FileRef | undefined {
  return typeof v === 'object' && v !== null && typeof (v as FileRef).id === 'string' ? (v as FileRef) : undefined;
}
