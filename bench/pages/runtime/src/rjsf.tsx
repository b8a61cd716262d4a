import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createRoot } from 'react-dom/client';
import { reportFirstRender } from './probe.ts';
import { FIELDS, jsonSchema, rows } from './spec.ts';

const { schema, uiSchema } = jsonSchema();
const formData = { lines: rows() };
reportFirstRender('#root_f0', `#root_f${FIELDS - 2}`);
createRoot(document.getElementById('root') as HTMLElement).render(
  <main style={{ padding: 16 }}>
    <Form schema={schema as never} uiSchema={uiSchema} formData={formData} validator={validator} liveValidate />
  </main>,
);
