import type { OwnerLoad } from '../../lib/model/health';

// Load per owner as horizontal bars against capacity, drawn as SVG (no charting dependency, issue 6):
// the track shows the capacity, the bar the records held, the part beyond capacity in the warning colour.
// The same numbers are in a table for screen readers and for copying.

// Drawn for the full-width card (about 1,250 px): one SVG unit is about one CSS pixel, so text stays 13 px.
const ROW = 26;
const LABEL = 220;
const WIDTH = 1240;
const NUMBER = 90;

export function LoadBars({ load, limit = 14 }: { load: readonly OwnerLoad[]; limit?: number }) {
  const rows = load.slice(0, limit);
  if (rows.length === 0) return <p class="empty">No owner holds a record in this view.</p>;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.records, r.capacity ?? 0)));
  const plot = WIDTH - LABEL - NUMBER;
  const x = (n: number) => (n / max) * plot;
  const over = rows.filter((r) => r.capacity !== null && r.records > r.capacity);
  const summary = `Records per owner against capacity for ${rows.length} owners. ${over.length ? `Over capacity: ${over.map((r) => `${r.name} ${r.records} of ${r.capacity}`).join('; ')}.` : 'Nobody is over capacity.'}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 8}`} role="img" aria-label={summary} class="load-bars">
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const held = r.capacity === null ? r.records : Math.min(r.records, r.capacity);
          const excess = r.capacity === null ? 0 : Math.max(0, r.records - r.capacity);
          const name = r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name;
          return (
            <g key={r.ownerId}>
              <text x={LABEL - 8} y={y + ROW / 2} class={`label${r.active ? '' : ' inactive'}`} text-anchor="end" dominant-baseline="middle">
                {name}
                {r.kind === 'queue' ? ' (queue)' : r.kind === 'team' ? ' (team)' : r.active ? '' : ' (inactive)'}
              </text>
              {r.capacity !== null && <rect x={LABEL} y={y + 5} width={x(r.capacity)} height={ROW - 10} class="track" rx="3" />}
              <rect x={LABEL} y={y + 7} width={x(held)} height={ROW - 14} class={r.active ? 'bar' : 'bar inactive'} rx="2" />
              {excess > 0 && <rect x={LABEL + x(r.capacity!)} y={y + 7} width={x(excess)} height={ROW - 14} class="bar over" rx="2" />}
              {r.capacity !== null && <line x1={LABEL + x(r.capacity)} x2={LABEL + x(r.capacity)} y1={y + 2} y2={y + ROW - 2} class="cap" />}
              <text x={WIDTH - 4} y={y + ROW / 2} class={`value${excess > 0 ? ' over' : ''}`} text-anchor="end" dominant-baseline="middle">
                {r.capacity === null ? `${r.records}` : `${r.records} / ${r.capacity}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="key"><i class="swatch bar" /> records held</span>
        <span class="key"><i class="swatch track" /> capacity (rule pack pools)</span>
        <span class="key"><i class="swatch over" /> over capacity</span>
        {load.length > rows.length && <span class="key">{load.length - rows.length} more owners not drawn</span>}
      </figcaption>
      <details class="data">
        <summary>Load as a table</summary>
        <table>
          <thead>
            <tr><th scope="col">Owner</th><th scope="col">Kind</th><th scope="col">Records</th><th scope="col">Capacity</th></tr>
          </thead>
          <tbody>
            {load.map((r) => (
              <tr key={r.ownerId}>
                <th scope="row">{r.name}</th>
                <td>{r.active ? r.kind : `${r.kind}, inactive`}</td>
                <td>{r.records}</td>
                <td>{r.capacity ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
