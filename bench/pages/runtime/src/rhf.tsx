/**
 * react-hook-form 7 on the same 300 fields and 50-row table: the minimal-render reference. Inputs are
 * registered (uncontrolled), validation runs on every change (`mode: 'onChange'`), and each of the
 * 20 rule fields is wrapped in a component that watches only its source field.
 */
import { createRoot } from 'react-dom/client';
import { type Control, type FieldErrors, type UseFormRegister, useForm, useWatch } from 'react-hook-form';
import { reportFirstRender } from './probe.ts';
import { FIELDS, kindOf, requiredOf, rows, ruleOf } from './spec.ts';

const OPTIONS = ['A-01', 'A-02', 'B-01', 'B-02', 'C-01'];
type Values = Record<string, unknown>;

function Input({ n, register }: { n: number; register: UseFormRegister<Values> }) {
  const id = `f${n}`;
  const required = requiredOf(n);
  switch (kindOf(n)) {
    case 'number':
      return <input id={id} type="number" {...register(id, { required, valueAsNumber: true, min: 0, max: 10000 })} />;
    case 'select':
      return (
        <select id={id} {...register(id, { required })}>
          <option value="" />
          {OPTIONS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
    case 'date':
      return <input id={id} type="date" {...register(id, { required })} />;
    case 'textarea':
      return <textarea id={id} {...register(id, { required, maxLength: 500 })} />;
    default:
      return <input id={id} type="text" {...register(id, { required, maxLength: 50 })} />;
  }
}

function Field({ n, register, errors }: { n: number; register: UseFormRegister<Values>; errors: FieldErrors }) {
  return (
    <p>
      <label htmlFor={`f${n}`}>Field {n}</label> <Input n={n} register={register} />
      {errors[`f${n}`] ? <span role="alert">invalid</span> : null}
    </p>
  );
}

/** A rule field: shown when the number field it depends on is > 10; re-renders when that one changes. */
function Rule(props: { n: number; on: number; control: Control<Values> } & Parameters<typeof Field>[0]) {
  const source = useWatch({ control: props.control, name: `f${props.on}` });
  return Number(source) > 10 ? <Field n={props.n} register={props.register} errors={props.errors} /> : null;
}

function Page() {
  const {
    register,
    control,
    formState: { errors },
  } = useForm<Values>({ mode: 'onChange', defaultValues: { lines: rows() }, shouldUnregister: true });
  return (
    <main style={{ padding: 16 }}>
      <form noValidate>
        {Array.from({ length: FIELDS / 25 }, (_, s) => (
          <fieldset key={s}>
            <legend>Section {s}</legend>
            {Array.from({ length: 25 }, (_, i) => {
              const n = s * 25 + i;
              const on = ruleOf(n);
              return on === undefined ? (
                <Field key={n} n={n} register={register} errors={errors} />
              ) : (
                <Rule key={n} n={n} on={on} control={control} register={register} errors={errors} />
              );
            })}
          </fieldset>
        ))}
        <table>
          <tbody>
            {rows().map((_, r) => (
              <tr key={r}>
                <td>
                  <input aria-label={`Item ${r + 1}`} {...register(`lines.${r}.item`, { required: true })} />
                </td>
                <td>
                  <input aria-label={`Batch ${r + 1}`} {...register(`lines.${r}.batch`, { maxLength: 30 })} />
                </td>
                <td>
                  <input
                    aria-label={`Qty ${r + 1}`}
                    type="number"
                    {...register(`lines.${r}.qty`, { required: true, valueAsNumber: true, min: 0, max: 1000000 })}
                  />
                </td>
                <td>
                  <select aria-label={`Location ${r + 1}`} {...register(`lines.${r}.location`)}>
                    {OPTIONS.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`Note ${r + 1}`} {...register(`lines.${r}.note`, { maxLength: 100 })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </form>
    </main>
  );
}

reportFirstRender('#f0', `#f${FIELDS - 2}`);
createRoot(document.getElementById('root') as HTMLElement).render(<Page />);
