/** The harness floor: one input. */
import { createRoot } from 'react-dom/client';
import { reportFirstRender } from './probe.ts';

reportFirstRender('#f150');
createRoot(document.getElementById('root') as HTMLElement).render(
  <main style={{ padding: 16 }}>
    <label htmlFor="f150">Field 150</label> <input id="f150" type="text" />
  </main>,
);
