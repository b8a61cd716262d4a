import type { LocationField } from '@gongfang/schema';
import { useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';
import type { WidgetProps, WidgetSpec } from '../types.ts';

interface Position {
  lat: number;
  lng: number;
  accuracy?: number;
  at?: string;
}

const asPosition = (v: unknown): Position | undefined =>
  typeof v === 'object' && v !== null && typeof (v as Position).lat === 'number' ? (v as Position) : undefined;

/**
 * Takes the device position when tapped. A fix less accurate than `maxAccuracyMeters` is not kept:
 * the user is told the accuracy and asked to try again.
 */
function LocationWidget(p: WidgetProps<LocationField>) {
  const { t } = useRuntime();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const pos = asPosition(p.value);
  const max = p.field.maxAccuracyMeters;

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem(t('noGeolocation'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    navigator.geolocation.getCurrentPosition(
      (g) => {
        setBusy(false);
        const accuracy = Math.round(g.coords.accuracy);
        if (max !== undefined && accuracy > max) {
          setProblem(t('tooInaccurate', { m: accuracy, max }));
          return;
        }
        p.onChange({
          lat: g.coords.latitude,
          lng: g.coords.longitude,
          accuracy,
          at: new Date(g.timestamp || Date.now()).toISOString(),
        });
      },
      (err) => {
        setBusy(false);
        setProblem(t('locationFailed', { reason: err.message }));
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 },
    );
  };

  const coords = pos ? `${pos.lat.toFixed(6)}, ${pos.lng.toFixed(6)}` : '';
  return (
    <div className="gf-location">
      {pos ? (
        <p className="gf-location-value">
          <span lang="en">{coords}</span>
          {pos.accuracy !== undefined ? (
            <span className="gf-muted"> · {t('accuracy', { m: pos.accuracy })}</span>
          ) : null}
        </p>
      ) : null}
      {p.readOnly ? null : (
        <button
          type="button"
          className="gf-button"
          id={p.id}
          aria-labelledby={`${p.id}-action ${p.labelId}`}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid || undefined}
          disabled={busy}
          onClick={locate}
        >
          <span id={`${p.id}-action`}>{busy ? t('locating') : t('getLocation')}</span>
        </button>
      )}
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export const locationWidget: WidgetSpec<LocationField> = { component: LocationWidget };
