import type { WidgetProps } from './types.ts';

/** The ARIA state every input-like control carries. */
export function controlAria(p: WidgetProps<never> | WidgetProps) {
  return {
    id: p.id,
    'aria-describedby': p.describedBy,
    'aria-invalid': p.invalid || undefined,
    'aria-required': p.required || undefined,
  } as const;
}

export const asText = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
