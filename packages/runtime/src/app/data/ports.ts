import type { OfflineStore } from '@gongfang/offline';
import type { Lang, LocalizedText } from '@gongfang/schema';
import type { AttachmentStore, FileRef } from '../../ports/attachments.ts';
import type { Directory, Member } from '../../ports/directory.ts';
import type { RecordSource } from '../../ports/records.ts';
import { localizeName } from './names.ts';
import { directoryChanged } from './people.ts';

/**
 * Photos and signatures go to IndexedDB at once; ones filled elsewhere come from the server.
 * A failed store (device full) throws the store's reason in the operator's language.
 */
export function offlineAttachments(store: OfflineStore, lang: Lang): AttachmentStore {
  return {
    async put(blob, name): Promise<FileRef> {
      const stored = await store.storeAttachment(blob);
      if (stored.error) throw new Error(stored.error.localized[lang], { cause: stored.error });
      return { id: stored.sha256, name, type: blob.type || 'application/octet-stream', size: blob.size };
    },
    async get(id) {
      const row = await store.getAttachment(id);
      if (row?.blob) return row.blob;
      try {
        const response = await fetch(`/api/attachments/${id}`, { credentials: 'same-origin' });
        return response.ok ? await response.blob() : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Other forms' records of one app, from the device (reference fields and `optionsFrom`). */
export function offlineRecords(store: OfflineStore, app: string): RecordSource {
  return {
    async list(formId) {
      const rows = await store.newestRecords(app, formId, 2000);
      return rows.map((r) => ({ id: r.id, data: r.envelope.data }));
    },
  };
}

interface DirectoryAnswer {
  members: { id?: string; name: string; displayName?: Record<string, string>; roles?: string[]; detail?: string }[];
}

const DIRECTORY_KEY = 'gf.directory';
let inflight: Promise<DirectoryAnswer | undefined> | undefined;

/** One request at a time however many screens ask; the answer is cached for offline use. */
function fetchDirectory(): Promise<DirectoryAnswer | undefined> {
  inflight ??= requestDirectory().finally(() => {
    inflight = undefined;
  });
  return inflight;
}

async function requestDirectory(): Promise<DirectoryAnswer | undefined> {
  try {
    const response = await fetch('/api/directory', { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const answer = (await response.json()) as DirectoryAnswer;
    const raw = JSON.stringify(answer);
    if (localStorage.getItem(DIRECTORY_KEY) !== raw) {
      localStorage.setItem(DIRECTORY_KEY, raw);
      directoryChanged();
    }
    return answer;
  } catch {
    // Offline: the cached copy.
    return undefined;
  }
}

/**
 * The people member pickers offer: the server's directory when it has one (cached for offline
 * use), otherwise everyone who has signed in on this tablet.
 */
export async function loadDirectory(
  lang: string,
  known: readonly { id: string; displayName: LocalizedText; roles?: string[] }[],
): Promise<Directory> {
  let answer = await fetchDirectory();
  answer ??= JSON.parse(localStorage.getItem(DIRECTORY_KEY) ?? 'null') ?? undefined;
  const members: Member[] = answer
    ? answer.members.map((m) => ({
        id: m.name,
        name: localizeName(m.displayName, lang, m.name),
        roles: m.roles ?? [],
        ...(m.detail ? { detail: m.detail } : {}),
      }))
    : known.map((k) => ({ id: k.id, name: localizeName(k.displayName, lang, k.id), roles: k.roles ?? [] }));
  return { members };
}
