import { createRoot } from 'react-dom/client';
import { FormView, RuntimeProvider } from '../../../../packages/runtime/src/index.ts';
import '../../../../packages/runtime/src/styles/runtime.css';
import { reportFirstRender } from './probe.ts';
import { gongfangForm, rows } from './spec.ts';

const form = gongfangForm();
const data = { lines: rows() };
// Every field mounted: the sub-table, mounted after the last section, shows its first row's cell.
reportFirstRender('#gf-big-f0', '[id^="gf-big-lines-"][id$="-item"]');
createRoot(document.getElementById('root') as HTMLElement).render(
  <RuntimeProvider lang="en" roles={[{ id: 'operator', name: { 'zh-CN': '操作员', en: 'Operator' } }]}>
    <main style={{ padding: 16 }}>
      <FormView form={form} engineOptions={{ data, user: 'op' }} />
    </main>
  </RuntimeProvider>,
);
