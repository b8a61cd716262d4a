import type { Lang } from '@gongfang/schema';
import { useEffect, useRef, useState } from 'react';
import { WedgeDetector } from '../../scan/WedgeDetector.ts';
import { localizeName } from '../data/names.ts';
import { knownOperators, switchByPin } from '../data/session.ts';
import { appTranslate } from '../i18n.ts';
import { problemText } from './SignIn.tsx';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Fast operator switch on a shared tablet: pick yourself (or type your user name), tap the PIN;
 * or scan your badge with the keyboard-wedge scanner anywhere on the screen.
 */
export function PinPad({ lang, onCancel, cancelLabel }: { lang: Lang; onCancel: () => void; cancelLabel: string }) {
  const t = appTranslate(lang);
  const known = knownOperators();
  const [user, setUser] = useState(known[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const detector = useRef(new WedgeDetector());

  const run = async (body: { user: string; pin: string } | { badge: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await switchByPin(body);
    } catch (error) {
      setProblem(problemText(error, lang, t));
      setPin('');
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement && e.target.type !== 'password') return;
      const code = detector.current.key(e.key, e.timeStamp);
      if (code) {
        e.preventDefault();
        void run({ badge: code });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  return (
    <form
      className="app-form app-pin"
      onSubmit={(e) => {
        e.preventDefault();
        if (user && pin) void run({ user, pin });
      }}
    >
      <h2>{t('pinTitle')}</h2>
      {known.length > 0 ? (
        <fieldset className="app-people">
          <legend className="gf-sr">{t('userName')}</legend>
          {known.map((k) => (
            <button
              key={k.id}
              type="button"
              className="app-person"
              aria-pressed={user === k.id}
              onClick={() => setUser(k.id)}
            >
              {localizeName(k.displayName, lang, k.id)}
            </button>
          ))}
        </fieldset>
      ) : null}
      <label className="app-field">
        <span>{t('userName')}</span>
        <input className="gf-input" autoCapitalize="none" value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <label className="app-field">
        <span>{t('pin')}</span>
        <input
          className="gf-input app-pin-value"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <div className="app-keypad">
        {[...DIGITS, 'clear', '0', 'ok'].map((k) =>
          k === 'clear' ? (
            <button key={k} type="button" className="app-key" onClick={() => setPin('')}>
              {t('clear')}
            </button>
          ) : k === 'ok' ? (
            <button key={k} type="submit" className="app-key gf-primary" disabled={busy || !pin || !user}>
              {t('confirm')}
            </button>
          ) : (
            <button
              key={k}
              type="button"
              className="app-key"
              aria-label={t('pinDigit', { d: k })}
              onClick={() => setPin((p) => p + k)}
            >
              {k}
            </button>
          ),
        )}
      </div>
      <p className="gf-help">{t('badgeHint')}</p>
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="button" className="app-link-button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </form>
  );
}
