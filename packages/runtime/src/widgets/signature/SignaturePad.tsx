import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';

type Point = readonly [x: number, y: number];

/**
 * A canvas to sign on with finger, stylus or mouse (pointer events). Strokes are kept as points, so
 * undo removes the last stroke and the drawing stays sharp when redrawn; Done exports a PNG.
 */
export default function SignaturePad({
  label,
  onDone,
  onCancel,
}: {
  label: string;
  onDone: (png: Blob) => void;
  onCancel: () => void;
}) {
  const { t } = useRuntime();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Point[][]>([]);
  const current = useRef<Point[] | null>(null);

  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.clearRect(0, 0, c.width, c.height);
    g.lineWidth = 3;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#10243e';
    for (const s of strokes) drawStroke(g, s);
  }, [strokes]);

  const at = (e: PointerEvent<HTMLCanvasElement>): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    const sx = r.width ? e.currentTarget.width / r.width : 1;
    const sy = r.height ? e.currentTarget.height / r.height : 1;
    return [(e.clientX - r.left) * sx, (e.clientY - r.top) * sy];
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    current.current = [at(e)];
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const s = current.current;
    if (!s) return;
    s.push(at(e));
    const g = e.currentTarget.getContext('2d');
    if (g) drawStroke(g, s.slice(-2));
  };
  const up = () => {
    const s = current.current;
    current.current = null;
    if (s && s.length > 0) setStrokes((all) => [...all, s]);
  };
  const done = () => {
    canvas.current?.toBlob((b) => {
      if (b) onDone(b);
    }, 'image/png');
  };

  return (
    <div className="gf-pad">
      <canvas
        ref={canvas}
        width={900}
        height={300}
        className="gf-pad-canvas"
        role="img"
        aria-label={t('signHere', { label })}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="gf-pad-actions">
        <button
          type="button"
          className="gf-button"
          onClick={() => setStrokes((s) => s.slice(0, -1))}
          disabled={!strokes.length}
        >
          {t('undo')}
        </button>
        <button type="button" className="gf-button" onClick={() => setStrokes([])} disabled={!strokes.length}>
          {t('clear')}
        </button>
        <button type="button" className="gf-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="gf-button gf-primary" onClick={done} disabled={!strokes.length}>
          {t('done')}
        </button>
      </div>
    </div>
  );
}

function drawStroke(g: CanvasRenderingContext2D, s: readonly Point[]) {
  const [first, ...rest] = s;
  if (!first) return;
  g.beginPath();
  g.moveTo(first[0], first[1]);
  if (rest.length === 0) g.lineTo(first[0] + 0.1, first[1] + 0.1);
  for (const [x, y] of rest) g.lineTo(x, y);
  g.stroke();
}
