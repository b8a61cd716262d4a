/** Field ids: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** An id derived from an English label: "Receipt no." → `receipt_no`; undefined when nothing usable remains. */
export function slugId(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const slug = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  return slug && ID_PATTERN.test(slug) ? slug : undefined;
}

/** `base`, or `base_2`, `base_3`, … — the first one not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const stem = base.replace(/_\d+$/, '').slice(0, 58);
  for (let n = 2; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The next free `field_N`. */
export function nextFieldId(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `field_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Whether `id` still follows its label: a generated `field_N`, or the slug of `label` (maybe numbered). */
export function followsLabel(id: string, label: string | undefined): boolean {
  if (/^field_\d+$/.test(id)) return true;
  const slug = slugId(label);
  return slug !== undefined && (id === slug || new RegExp(`^${slug}_\\d+$`).test(id));
}
