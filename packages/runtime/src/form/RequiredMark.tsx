/**
 * The asterisk after a required field's label. Screen readers hear " required" as a separate word
 * (the field's name reads "Line required", not "Linerequired"); sighted users see the asterisk.
 */
export function RequiredMark({ label }: { label: string }) {
  return (
    <>
      <span className="gf-required" title={label} aria-hidden="true">
        *
      </span>
      <span className="gf-sr">{` ${label}`}</span>
    </>
  );
}
