import React, { useState } from 'react';
import { EuiFieldPassword, EuiFieldText, EuiFormRow } from '@opensearch-project/oui';
import { FlyoutForm, useFlyoutForm } from './flyout_form';
import { asRoleNames, PASSWORD_MIN_LENGTH, validateUserForm, type UserFormMode } from './form_validation';
import { RolesComboBox } from './roles_combo_box';
import type { ManagedUser, SecurityManagementApi } from './security_api';

export interface UserFlyoutProps {
  /** `create` a user, or change the `roles` or reset the `password` of `user`. */
  mode: UserFormMode;
  user?: ManagedUser;
  /** The users listed, so `create` can refuse a name that would overwrite one of them. */
  existingUsernames: readonly string[];
  api: Pick<SecurityManagementApi, 'putUser'>;
  onClose(): void;
  /** After the server accepted the change; `message` says what was done. */
  onSaved(message: string): void;
}

const TEXT: Record<UserFormMode, { title: (username: string) => string; submit: string; done: (username: string) => string }> = {
  create: { title: () => 'Create user', submit: 'Create user', done: (u) => `Created user ${u}` },
  roles: { title: (u) => `Change the roles of ${u}`, submit: 'Save roles', done: (u) => `Changed the roles of ${u}` },
  password: { title: (u) => `Reset the password of ${u}`, submit: 'Reset password', done: (u) => `Reset the password of ${u}` },
};

/** One form for the three changes to a user; each mode shows only the fields it sends. */
export const UserFlyout: React.FunctionComponent<UserFlyoutProps> = ({ mode, user, existingUsernames, api, onClose, onSaved }) => {
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const text = TEXT[mode];
  const form = useFlyoutForm(validateUserForm(mode, { username, password, roles }, existingUsernames), async () => {
    await api.putUser(username, {
      ...(mode !== 'roles' && { password }),
      // Resetting a password resends the current roles: the route takes both and keeps nothing else.
      roles: asRoleNames(roles),
    });
    onSaved(text.done(username));
  });
  const { shown } = form;

  return (
    <FlyoutForm name="user" title={text.title(username)} submitLabel={text.submit} form={form} onClose={onClose}>
      {mode === 'create' && (
        <EuiFormRow label="Username" fullWidth isInvalid={!!shown.username} error={shown.username} helpText="Letters, digits and . _ @ -">
          <EuiFieldText
            fullWidth
            autoFocus
            autoComplete="off"
            value={username}
            isInvalid={!!shown.username}
            onChange={(e) => setUsername(e.target.value)}
            data-test-subj="userFormUsername"
          />
        </EuiFormRow>
      )}
      {mode !== 'roles' && (
        <EuiFormRow
          label={mode === 'create' ? 'Password' : 'New password'}
          fullWidth
          isInvalid={!!shown.password}
          error={shown.password}
          helpText={`At least ${PASSWORD_MIN_LENGTH} characters`}
        >
          <EuiFieldPassword
            type="dual"
            fullWidth
            autoFocus={mode === 'password'}
            autoComplete="new-password"
            value={password}
            isInvalid={!!shown.password}
            onChange={(e) => setPassword(e.target.value)}
            data-test-subj="userFormPassword"
          />
        </EuiFormRow>
      )}
      {mode !== 'password' && (
        <EuiFormRow label="Roles" fullWidth isInvalid={!!shown.roles} error={shown.roles} helpText="admin: everything; viewer: uses the apps; monitoring: reads stats">
          <RolesComboBox selected={roles} onChange={setRoles} isInvalid={!!shown.roles} data-test-subj="userFormRoles" />
        </EuiFormRow>
      )}
    </FlyoutForm>
  );
};
