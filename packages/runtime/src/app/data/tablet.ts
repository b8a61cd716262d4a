import { TabletSettings } from '@gongfang/offline';

/** What a tablet must not lose when its browser is killed: see TabletSettings in @gongfang/offline. */
export const TABLET_KEYS = ['gf.deviceId', 'gf.operator', 'gf.knownOperators', 'gf.enrolled', 'gf.lang'] as const;
export type TabletKey = (typeof TABLET_KEYS)[number];

let settings: TabletSettings | undefined;

/** This tablet's settings: read from localStorage, written to it and to a durable IndexedDB copy. */
export function tabletSettings(): TabletSettings {
  settings ??= new TabletSettings(`gongfang-tablet-${location.host}`, TABLET_KEYS, localStorage);
  return settings;
}

export const readSetting = (key: TabletKey): string | null => tabletSettings().get(key);

/** Writes a setting (null removes it); the durable copy follows in the background. */
export function writeSetting(key: TabletKey, value: string | null): void {
  void tabletSettings().set(key, value);
}
