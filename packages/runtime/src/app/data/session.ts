import type { LocalizedText } from '@gongfang/schema';
import { useSyncExternalStore } from 'react';
import { ApiError, api, isNetworkError } from './api.ts';
import { refreshApps } from './appsRefresh.ts';
import { getServices } from './services.ts';
import { readSetting, writeSetting } from './tablet.ts';

/** Who is signed in on this tablet, as /api/me said last time (kept so the app opens offline). */
export interface Operator {
  /** User name: what records store as `createdBy` and member fields hold. */
  id: string;
  displayName: LocalizedText;
  roles: string[];
  deviceId: string | null;
}

interface MeAnswer {
  user: { id: string; name: string; displayName: LocalizedText };
  roles: { id: string }[];
  deviceId: string | null;
}

export interface KnownOperator {
  id: string;
  displayName: LocalizedText;
  roles: string[];
}

const listeners = new Set<() => void>();
// Read by loadOperator at start, once the tablet's settings are restored (not at import, before).
let current: Operator | null = null;

/** Reads who is signed in on this tablet: at start, once the tablet's settings are restored. */
export function loadOperator(): void {
  current = read();
}

function read(): Operator | null {
  try {
    const raw = readSetting('gf.operator');
    return raw ? (JSON.parse(raw) as Operator) : null;
  } catch {
    return null;
  }
}

function set(next: Operator | null): void {
  current = next;
  const { store, sync } = getServices();
  if (next) {
    writeSetting('gf.operator', JSON.stringify(next));
    rememberOperator(next);
    store.signIn(next.id);
    void refreshApps();
    void sync.syncNow();
  } else {
    writeSetting('gf.operator', null);
    store.signOut();
  }
  for (const l of [...listeners]) l();
}

/** Operators who have signed in on this tablet: the PIN pad offers them first. */
export function knownOperators(): KnownOperator[] {
  try {
    return JSON.parse(readSetting('gf.knownOperators') ?? '[]') as KnownOperator[];
  } catch {
    return [];
  }
}

function rememberOperator(op: Operator): void {
  const others = knownOperators().filter((o) => o.id !== op.id);
  writeSetting(
    'gf.knownOperators',
    JSON.stringify([{ id: op.id, displayName: op.displayName, roles: op.roles }, ...others].slice(0, 12)),
  );
}

async function loadMe(): Promise<Operator> {
  const me = await api<MeAnswer>('/api/me');
  return {
    id: me.user.name,
    displayName: me.user.displayName,
    roles: me.roles.map((r) => r.id),
    deviceId: me.deviceId,
  };
}

export async function login(user: string, password: string): Promise<void> {
  await api('/api/auth/login', { method: 'POST', body: { user, password } });
  set(await loadMe());
}

/** Shared-tablet switch: by user + PIN, or by a badge code from the keyboard-wedge scanner. */
export async function switchByPin(body: { user: string; pin: string } | { badge: string }): Promise<void> {
  await getServices().store.flushDrafts();
  await api('/api/auth/pin', { method: 'POST', body });
  set(await loadMe());
}

export async function enrollDevice(name: string): Promise<void> {
  await api('/api/devices', { method: 'POST', body: { name } });
  writeSetting('gf.enrolled', '1');
  set(await loadMe());
}

export function isEnrolled(): boolean {
  return readSetting('gf.enrolled') === '1' || Boolean(current?.deviceId);
}

export async function logout(): Promise<void> {
  await getServices().store.flushDrafts();
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } catch (error) {
    // Offline, or the session is gone already (401): signing out here is all that is left to do.
    if (!isNetworkError(error) && !(error instanceof ApiError && error.status === 401)) throw error;
  }
  set(null);
}

/**
 * The server no longer knows this tablet's session (expired, revoked, or its cookie lost when the
 * browser was killed): drafts are flushed and the sign-in screen shows. Nothing is sent to the
 * server, and every record waiting to sync stays on the tablet, still attributed to its author.
 */
export async function signInAgain(): Promise<void> {
  await getServices().store.flushDrafts();
  set(null);
}

/** On start: trust the cached operator offline; online, the server's answer wins. */
export async function refreshSession(): Promise<void> {
  if (current) getServices().store.signIn(current.id);
  try {
    set(await loadMe());
  } catch (error) {
    if (!isNetworkError(error) && current) set(null);
  }
}

export function useOperator(): Operator | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
