import type { Option, OptionsFrom } from '@gongfang/schema';
import { useEffect, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';

export interface ShownOption {
  value: string;
  label: string;
  color?: Option['color'];
}

/**
 * Options of a select, radio or checkbox field in the current language: the static list, or the
 * records of another form (`optionsFrom`), loaded through the records port.
 */
export function useOptions(field: { options?: readonly Option[] | undefined; optionsFrom?: OptionsFrom | undefined }): {
  options: readonly ShownOption[];
  loading: boolean;
} {
  const { text, records } = useRuntime();
  const [loaded, setLoaded] = useState<readonly ShownOption[] | undefined>(undefined);
  const from = field.optionsFrom;
  useEffect(() => {
    if (!from) return;
    let live = true;
    records.list(from.form).then((list) => {
      if (!live) return;
      const seen = new Set<string>();
      const out: ShownOption[] = [];
      for (const r of list) {
        const v = r.data[from.valueField];
        if (typeof v !== 'string' || seen.has(v)) continue;
        seen.add(v);
        out.push({ value: v, label: String(r.data[from.labelField] ?? v) });
      }
      setLoaded(out);
    });
    return () => {
      live = false;
    };
  }, [from, records]);
  if (from) return { options: loaded ?? [], loading: loaded === undefined };
  const options = (field.options ?? []).map((o) => ({
    value: o.value,
    label: text(o.label),
    ...(o.color ? { color: o.color } : {}),
  }));
  return { options, loading: false };
}
