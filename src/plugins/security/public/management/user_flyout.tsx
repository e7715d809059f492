import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldPassword,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSpacer,
  EuiTitle,
} from '@opensearch-project/oui';
import { asRoleNames, PASSWORD_MIN_LENGTH, validateUserForm, type UserFormMode } from './form_validation';
import { RolesComboBox } from './roles_combo_box';
import { errorMessage, type ManagedUser, type SecurityManagementApi } from './security_api';

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
  // Errors show after the first attempt, then follow the typing, so nobody is scolded before finishing.
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const errors = validateUserForm(mode, { username, password, roles }, existingUsernames);
  const shown = attempted ? errors : {};
  const text = TEXT[mode];

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    if (Object.keys(errors).length > 0 || submitting) return;
    setSubmitting(true);
    setServerError(undefined);
    try {
      await api.putUser(username, {
        ...(mode !== 'roles' && { password }),
        // Resetting a password resends the current roles: the route takes both and keeps nothing else.
        roles: asRoleNames(roles),
      });
      onSaved(text.done(username));
    } catch (error) {
      setServerError(errorMessage(error));
      setSubmitting(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="s" aria-labelledby="userFlyoutTitle" data-test-subj="userFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id="userFlyoutTitle">{text.title(username)}</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {serverError && (
          <>
            <EuiCallOut color="danger" iconType="alert" title={serverError} role="alert" data-test-subj="userFormError" />
            <EuiSpacer size="m" />
          </>
        )}
        <EuiForm id="userForm" component="form" onSubmit={submit} noValidate>
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
          {/* Enter in a field submits; the visible buttons live in the footer. */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween">
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose} data-test-subj="userFormCancel">
              Cancel
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill onClick={() => submit()} isLoading={submitting} data-test-subj="userFormSubmit">
              {text.submit}
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
};
