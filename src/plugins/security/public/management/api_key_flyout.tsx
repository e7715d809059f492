import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
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
import { asRoleNames, validateApiKeyForm } from './form_validation';
import { RolesComboBox } from './roles_combo_box';
import { errorMessage, type CreatedApiKey, type SecurityManagementApi } from './security_api';

export interface ApiKeyFlyoutProps {
  api: Pick<SecurityManagementApi, 'createApiKey'>;
  onClose(): void;
  /** The server's answer, secret included: the caller shows it once. */
  onCreated(created: CreatedApiKey): void;
}

/** Name, roles and an optional lifetime for a new API key. */
export const ApiKeyFlyout: React.FunctionComponent<ApiKeyFlyoutProps> = ({ api, onClose, onCreated }) => {
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [expiration, setExpiration] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const errors = validateApiKeyForm({ name, roles, expiration });
  const shown = attempted ? errors : {};

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    if (Object.keys(errors).length > 0 || submitting) return;
    setSubmitting(true);
    setServerError(undefined);
    try {
      const trimmed = expiration.trim();
      onCreated(await api.createApiKey({ name, roles: asRoleNames(roles), ...(trimmed && { expiration: trimmed }) }));
    } catch (error) {
      setServerError(errorMessage(error));
      setSubmitting(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="s" aria-labelledby="apiKeyFlyoutTitle" data-test-subj="apiKeyFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="m">
          <h2 id="apiKeyFlyoutTitle">Create API key</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {serverError && (
          <>
            <EuiCallOut color="danger" iconType="alert" title={serverError} role="alert" data-test-subj="apiKeyFormError" />
            <EuiSpacer size="m" />
          </>
        )}
        <EuiForm component="form" onSubmit={submit} noValidate>
          <EuiFormRow label="Name" fullWidth isInvalid={!!shown.name} error={shown.name} helpText="What uses the key, e.g. ci or grafana">
            <EuiFieldText
              fullWidth
              autoFocus
              autoComplete="off"
              value={name}
              isInvalid={!!shown.name}
              onChange={(e) => setName(e.target.value)}
              data-test-subj="apiKeyFormName"
            />
          </EuiFormRow>
          <EuiFormRow label="Roles" fullWidth isInvalid={!!shown.roles} error={shown.roles} helpText="A script reading stats needs monitoring only">
            <RolesComboBox selected={roles} onChange={setRoles} isInvalid={!!shown.roles} data-test-subj="apiKeyFormRoles" />
          </EuiFormRow>
          <EuiFormRow
            label="Expiration (optional)"
            fullWidth
            isInvalid={!!shown.expiration}
            error={shown.expiration}
            helpText="Such as 30m, 12h or 90d; empty for a key that never expires"
          >
            <EuiFieldText
              fullWidth
              placeholder="90d"
              value={expiration}
              isInvalid={!!shown.expiration}
              onChange={(e) => setExpiration(e.target.value)}
              data-test-subj="apiKeyFormExpiration"
            />
          </EuiFormRow>
          {/* Enter in a field submits; the visible buttons live in the footer. */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween">
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose} data-test-subj="apiKeyFormCancel">
              Cancel
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill onClick={() => submit()} isLoading={submitting} data-test-subj="apiKeyFormSubmit">
              Create API key
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
};
