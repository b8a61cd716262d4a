import type { StoreChange } from '@gongfang/offline';
import { useEffect, useState } from 'react';
import { getServices } from './services.ts';

/**
 * Runs `query` against the offline store now, again when `key` changes, and whenever the store
 * changes (a save, a pull, a sync answer; `on` narrows which). `undefined` while loading.
 */
export function useStoreQuery<T>(query: () => Promise<T>, key: string, on?: readonly StoreChange[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what the query reads; `on` is a constant.
  useEffect(() => {
    let alive = true;
    let seq = 0;
    const run = () => {
      const mine = ++seq;
      query().then(
        (v) => {
          if (alive && mine === seq) setValue(() => v);
        },
        () => undefined,
      );
    };
    run();
    const off = getServices().store.onChange((change) => {
      if (!on || on.includes(change)) run();
    });
    return () => {
      alive = false;
      off();
    };
  }, [key]);
  return value;
}
