import type { StoredRecord } from '@gongfang/offline';
import type { AppDefinition, RecordEnvelope, WorkflowState } from '@gongfang/schema';
import { api } from './api.ts';
import { appAt } from './apps.ts';
import { getServices } from './services.ts';

export interface LoadedRecord {
  envelope: RecordEnvelope;
  status: StoredRecord['status'] | 'server';
  local?: StoredRecord;
  workflow?: WorkflowState;
  /** The definition version the record was filled with. */
  app?: AppDefinition;
}

interface ServerRecord {
  record?: RecordEnvelope;
  workflow?: WorkflowState;
}

/**
 * A record from the device, else from the server (GET /api/records/:id), with the app definition
 * of the version it was filled with: from the device, else fetched and kept for offline use.
 */
export async function loadRecord(id: string): Promise<LoadedRecord | undefined> {
  const { store } = getServices();
  const local = await store.getRecord(id);
  let envelope = local?.envelope;
  let workflow = local?.extras?.workflow as WorkflowState | undefined;
  if (!envelope) {
    try {
      const answer = await api<ServerRecord & RecordEnvelope>(`/api/records/${encodeURIComponent(id)}`);
      envelope = answer.record ?? answer;
      workflow = answer.workflow;
    } catch {
      return undefined;
    }
  }
  let app = await appAt(store, envelope.app, envelope.version);
  if (!app) {
    try {
      const answer = await api<{ definition?: AppDefinition } & AppDefinition>(
        `/api/apps/${encodeURIComponent(envelope.app)}/versions/${envelope.version}`,
      );
      const def = answer.definition ?? answer;
      if (def?.id === envelope.app) {
        await store.putAppVersion(def);
        app = def;
      }
    } catch {
      // Offline and never seen: the data is still shown, without labels.
    }
  }
  return {
    envelope,
    status: local?.status ?? 'server',
    ...(local ? { local } : {}),
    ...(workflow ? { workflow } : {}),
    ...(app ? { app } : {}),
  };
}
