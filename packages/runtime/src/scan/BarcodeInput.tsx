import { type InputHTMLAttributes, type KeyboardEvent, useRef } from 'react';
import { WedgeDetector } from './WedgeDetector.ts';

export interface BarcodeInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  value: string;
  onChange: (text: string) => void;
  /** A scanner burst ended: `code` is the whole scan (whatever was in the box before is dropped). */
  onScan: (code: string) => void;
  /** Enter after typing by hand. */
  onCommit?: (text: string) => void;
  /** Clock override for tests; by default a key's own time (`timeStamp`), when it reached the page. */
  now?: () => number;
}

/** A text box that also takes keyboard-wedge scans: a fast burst + Enter replaces its content. */
export function BarcodeInput({ value, onChange, onScan, onCommit, now, ...rest }: BarcodeInputProps) {
  const detector = useRef<WedgeDetector>(null);
  detector.current ??= new WedgeDetector();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The key's own timestamp, not the time the handler ran: on a busy tablet a scanner's burst
    // still reads as a burst when rendering delays the handlers.
    const code = detector.current?.key(e.key, now ? now() : e.timeStamp);
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (code !== undefined) onScan(code);
    else onCommit?.(e.currentTarget.value);
  };
  return (
    <input
      type="text"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      enterKeyHint="done"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
