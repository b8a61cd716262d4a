/** The floor: hand-written React, 300 uncontrolled inputs and a 50-row table, no JS per keystroke. */
import { createRoot } from 'react-dom/client';
import { reportFirstRender } from './probe.ts';
import { FIELDS, kindOf, ROWS, rows } from './spec.ts';

const OPTIONS = ['A-01', 'A-02', 'B-01', 'B-02', 'C-01'];
function Control({ n }: { n: number }) {
  const id = `f${n}`;
  switch (kindOf(n)) {
    case 'number':
      return <input id={id} type="number" />;
    case 'select':
      return (
        <select id={id} defaultValue="">
          <option value="" />
          {OPTIONS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
    case 'date':
      return <input id={id} type="date" />;
    case 'textarea':
      return <textarea id={id} />;
    default:
      return <input id={id} type="text" />;
  }
}

function Page() {
  const data = rows();
  return (
    <main style={{ padding: 16 }}>
      {Array.from({ length: FIELDS / 25 }, (_, s) => (
        <fieldset key={s}>
          <legend>Section {s}</legend>
          {Array.from({ length: 25 }, (_, i) => {
            const n = s * 25 + i;
            return (
              <p key={n}>
                <label htmlFor={`f${n}`}>Field {n}</label> <Control n={n} />
              </p>
            );
          })}
        </fieldset>
      ))}
      <table>
        <tbody>
          {data.slice(0, ROWS).map((r, i) => (
            <tr key={i}>
              {Object.entries(r).map(([k, v]) => (
                <td key={k}>
                  <input aria-label={k} defaultValue={String(v)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

reportFirstRender('#f0', `#f${FIELDS - 1}`);
createRoot(document.getElementById('root') as HTMLElement).render(<Page />);
