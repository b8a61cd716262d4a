import { useRuntime } from '../../RuntimeContext.tsx';

/** "12/100": how much room is left, announced politely only near the limit. */
export function Counter({ count, max }: { count: number; max: number }) {
  const { t } = useRuntime();
  const near = count >= max * 0.9;
  return (
    <span className={`gf-counter${near ? ' gf-counter-near' : ''}`} aria-live={near ? 'polite' : 'off'}>
      {t('charCount', { count, max })}
    </span>
  );
}
