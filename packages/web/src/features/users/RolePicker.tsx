import type { RoleInfo } from '../../api/types.ts';
import { CheckboxGroup } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { roleLabel } from '../../i18n/labels.ts';

/**
 * Roles the signed-in administrator may assign, as checkboxes. Roles the person already holds but the
 * administrator may not assign stay shown, checked and locked, so saving keeps them.
 */
export function RolePicker(props: {
  roles: readonly RoleInfo[];
  held: readonly string[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const i = useI18n();
  const options = props.roles
    .filter((r) => r.assignable || props.held.includes(r.code))
    .map((r) => ({
      value: r.code,
      label: roleLabel(i, r.code),
      disabled: !r.assignable,
      hint: r.assignable ? undefined : i.t('users.roleLocked'),
    }));
  return (
    <CheckboxGroup legend={i.t('field.roles')} name="roles" options={options} selected={props.selected} onChange={props.onChange} columns />
  );
}
