import type { RoleField } from '@gongfang/schema';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

/** Picks one of the app's roles (or of the field's `roles`), by its localized name. */
function RoleWidget(p: WidgetProps<RoleField>) {
  const { t, text, roles } = useRuntime();
  const allowed = p.field.roles;
  const options = allowed
    ? allowed.map((id) => ({ id, name: text(roles.find((r) => r.id === id)?.name) || id }))
    : roles.map((r) => ({ id: r.id, name: text(r.name) }));
  return (
    <select
      className="gf-input gf-select"
      {...controlAria(p)}
      value={asText(p.value)}
      disabled={p.readOnly}
      onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{t('choose')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

export const roleWidget: WidgetSpec<RoleField> = { component: RoleWidget };
