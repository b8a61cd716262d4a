import { FUNCTIONS, localize, typeName } from '@gongfang/schema';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { checkInScope, type ExprScope, scopeOf } from '../../store/exprScope.ts';
import { formOf, useDesignerState, useLang, useT } from '../DesignerContext.tsx';

interface Props {
  label: string;
  /** The field the expression belongs to (its scope, and never suggested to itself). */
  fieldKey?: string;
  /** What the expression reads, when it is not a field's own scope (views' filters and highlights). */
  scope?: ExprScope;
  value: string | undefined;
  onChange: (text: string) => void;
  /** Rules must give TRUE/FALSE. */
  boolean?: boolean;
  autoFocus?: boolean;
}

interface Suggestion {
  insert: string;
  title: string;
  detail: string;
}

const TOKEN = /[A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*$/;

/** An expression input with field and function completion and live errors from packages/schema. */
export function ExpressionEditor({ label, fieldKey, scope: given, value, onChange, boolean, autoFocus }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const form = useDesignerState(formOf);
  const [text, setText] = useState(value ?? '');
  const [caret, setCaret] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Where the caret goes once an accepted completion is in the input. Set in a layout effect, in the
  // same task as the key that accepted it: a later write (it was a requestAnimationFrame) could land
  // after the next keystroke and put the caret back before it ("type= …" instead of "type =").
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null) return;
    pendingCaret.current = null;
    input.current?.setSelectionRange(at, at);
  });
  useEffect(() => {
    if ((value ?? '') !== text && document.activeElement !== input.current) setText(value ?? '');
  }, [value, text]);
  const scope = useMemo(() => given ?? scopeOf(form, fieldKey), [given, form, fieldKey]);
  const token = TOKEN.exec(text.slice(0, caret))?.[0] ?? '';
  const suggestions = useMemo<Suggestion[]>(() => {
    if (!token) return [];
    const low = token.toLowerCase();
    const fields = scope.names
      .filter(
        (n) => n.name !== fieldKey && (n.name.startsWith(low) || localize(n.label, lang).toLowerCase().includes(low)),
      )
      .map((n) => ({ insert: n.name, title: n.name, detail: `${localize(n.label, lang)} · ${typeName(n.type)}` }));
    const fns = FUNCTIONS.filter((f) => f.name.startsWith(token.toUpperCase())).map((f) => ({
      insert: `${f.name}(`,
      title: f.signature,
      detail: f.description[lang],
    }));
    return [...fields, ...fns].slice(0, 8);
  }, [token, scope, fieldKey, lang]);
  const check = useMemo(() => (text.trim() ? checkInScope(text, scope.env) : undefined), [text, scope]);
  const notBoolean = boolean && check?.ok && check.type !== 'boolean' && check.type !== 'any';

  const update = (next: string, at: number) => {
    setText(next);
    setCaret(at);
    setOpen(true);
    setActive(0);
    onChange(next);
  };
  const accept = (s: Suggestion) => {
    const start = caret - token.length;
    const next = text.slice(0, start) + s.insert + text.slice(caret);
    const at = start + s.insert.length;
    update(next, at);
    setOpen(false);
    pendingCaret.current = at;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!open || suggestions.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(suggestions[active]!);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
  };
  const showList = open && suggestions.length > 0;
  const message = check && !check.ok ? check.error.message[lang] : notBoolean ? t('exprMustBeBoolean') : undefined;
  return (
    <div className="dz-prop dz-expr">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        className={`dz-expr-input${message ? ' is-invalid' : ''}`}
        value={text}
        spellCheck={false}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: a problem click asks to focus this very rule
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => update(e.target.value, e.target.selectionStart ?? e.target.value.length)}
        onKeyDown={onKeyDown}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList ? (
        <div className="dz-suggest" role="listbox" id={`${id}-list`} aria-label={label}>
          {suggestions.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection goes through the combobox input
            <div
              key={s.insert}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => accept(s)}
            >
              <code>{s.title}</code>
              <span>{s.detail}</span>
            </div>
          ))}
        </div>
      ) : null}
      <p id={`${id}-status`} className={message ? 'dz-expr-error' : 'dz-expr-ok'} aria-live="polite">
        {message ?? (check?.ok ? `✓ ${t('exprOk')} · ${typeName(check.type)}` : t('exprHint'))}
      </p>
    </div>
  );
}
