// A daily series as an SVG line (no charting dependency, issue 6). Missing days (null) break the line
// instead of pretending to be zero. The points are also a table, the chart's text alternative.

export interface SeriesPoint {
  day: string;
  value: number | null;
}

// Drawn for a third of the page (about 400 px wide), so one unit is about one CSS pixel.
const W = 400;
const H = 190;
const PAD = { left: 44, right: 10, top: 14, bottom: 24 };

export interface LineChartProps {
  title: string;
  points: readonly SeriesPoint[];
  /** How a value reads: "82%", "3.5 h". */
  format(value: number): string;
  /** Fixed top of the scale (1 for shares); else the largest value. */
  max?: number;
  /** A dashed reference line, e.g. the SLA. */
  reference?: { value: number; label: string };
  summary: string;
}

export function LineChart({ title, points, format, max, reference, summary }: LineChartProps) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = max ?? Math.max(reference?.value ?? 0, ...values, 1e-9) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  });
  const ticks = [0, 0.5, 1].map((f) => f * top);
  const labelled = points.map((p, i) => ({ p, i })).filter(({ i }) => i === 0 || i === points.length - 1 || (i % 7 === 0 && points.length - 1 - i >= 4));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`} class="line-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={PAD.left - 6} y={y(t)} class="axis" text-anchor="end" dominant-baseline="middle">{format(t)}</text>
          </g>
        ))}
        {labelled.map(({ p, i }) => (
          <text key={p.day} x={x(i)} y={H - 8} class="axis" text-anchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}>{p.day.slice(5)}</text>
        ))}
        {reference && (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(reference.value)} y2={y(reference.value)} class="reference" />
            <text x={W - PAD.right} y={y(reference.value) - 5} class="axis reference-label" text-anchor="end">{reference.label}</text>
          </g>
        )}
        <path d={path} class="line" />
        {points.map((p, i) => (p.value === null ? null : <circle key={p.day} cx={x(i)} cy={y(p.value)} r="2.5" class="dot" />))}
      </svg>
      <details class="data">
        <summary>{title} as a table</summary>
        <table>
          <thead>
            <tr><th scope="col">Day</th><th scope="col">{title}</th></tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}><th scope="row">{p.day}</th><td>{p.value === null ? '—' : format(p.value)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
