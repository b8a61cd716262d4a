import type { Lang } from '@gongfang/schema';

/** Parses what a person types: blanks are null, a decimal comma counts as a point, junk stays text. */
export function parseNumber(text: string): number | string | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return text;
  return Number(s);
}

/** Rounds half away from zero to `precision` places, without binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(n: number, precision: number | undefined): number {
  if (precision === undefined) return Number.parseFloat(n.toPrecision(12));
  const f = 10 ** precision;
  return Math.sign(n) * (Math.round(Math.abs(n) * f + Number.EPSILON) / f);
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number for reading: grouped, with exactly `precision` places when given. */
export function formatNumber(n: number, lang: Lang, precision?: number): string {
  const key = `${lang}:${precision ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      lang,
      precision === undefined
        ? { maximumFractionDigits: 6 }
        : { minimumFractionDigits: precision, maximumFractionDigits: precision },
    );
    formats.set(key, f);
  }
  return f.format(n);
}

/** One step up or down from `value`, kept within min/max and rounded to the field's precision. */
export function stepValue(
  value: unknown,
  direction: 1 | -1,
  o: { step?: number | undefined; min?: number | undefined; max?: number | undefined; precision?: number | undefined },
): number {
  const base =
    typeof value === 'number' && Number.isFinite(value) ? value : (o.min ?? 0) - (direction > 0 ? (o.step ?? 1) : 0);
  let next = roundTo(base + direction * (o.step ?? 1), o.precision);
  if (o.min !== undefined && next < o.min) next = o.min;
  if (o.max !== undefined && next > o.max) next = o.max;
  return next;
}
