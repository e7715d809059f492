import React, { useState } from 'react';
import { EuiFieldText, EuiFormRow } from '@opensearch-project/oui';
import { FlyoutForm, useFlyoutForm } from './flyout_form';
import { asRoleNames, validateApiKeyForm } from './form_validation';
import { RolesComboBox } from './roles_combo_box';
import type { CreatedApiKey, SecurityManagementApi } from './security_api';

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
  const form = useFlyoutForm(validateApiKeyForm({ name, roles, expiration }), async () => {
    const trimmed = expiration.trim();
    onCreated(await api.createApiKey({ name, roles: asRoleNames(roles), ...(trimmed && { expiration: trimmed }) }));
  });
  const { shown } = form;

  return (
    <FlyoutForm name="apiKey" title="Create API key" submitLabel="Create API key" form={form} onClose={onClose}>
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
    </FlyoutForm>
  );
};
