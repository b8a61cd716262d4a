export interface Bar {
  label: string;
  value: number;
  text: string;
  tone?: 'warning' | 'danger' | 'success' | undefined;
}

const ROW = 30;
const LABEL_W = 220;
const WIDTH = 720;

/** A horizontal bar chart drawn as SVG: no chart library, nothing to load but this file. */
export default function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  const plot = WIDTH - LABEL_W - 90;
  return (
    <svg
      className="app-bars"
      viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 10}`}
      role="img"
      aria-label={title}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((b, i) => {
        const w = (Math.abs(b.value) / max) * plot;
        const y = i * ROW + 5;
        return (
          <g key={b.label} className={b.tone ? `app-bar-${b.tone}` : 'app-bar'}>
            <text x={LABEL_W - 8} y={y + 18} textAnchor="end" className="app-bar-label">
              {b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={Math.max(1, w)} height={ROW - 10} rx={3} />
            <text x={LABEL_W + w + 6} y={y + 18} className="app-bar-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
