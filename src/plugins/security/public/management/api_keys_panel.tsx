import React, { useCallback, useState } from 'react';
import { EuiBasicTable, EuiButtonIcon, EuiCode, EuiSpacer, EuiText, type EuiBasicTableColumn } from '@opensearch-project/oui';
import type { DateFormatSettings, IToasts } from '../../../../core/public';
import { ApiKeyFlyout } from './api_key_flyout';
import { ApiKeySecret } from './api_key_secret';
import { describeExpiration, formatTime } from './format';
import { ConfirmActionModal, ErrorCallout, PanelHeader, RoleBadges, useConfirmedAction } from './panel_parts';
import type { ApiKeyInfo, CreatedApiKey, SecurityManagementApi } from './security_api';
import { useList } from './use_list';

export interface ApiKeysPanelProps {
  api: SecurityManagementApi;
  toasts: Pick<IToasts, 'addSuccess'>;
  /** `core.uiSettings`: times follow `dateFormat` and `dateFormat:tz`. */
  uiSettings: DateFormatSettings;
}

/** The API keys table, with create (showing the secret once) and revoke (after a confirm). */
export const ApiKeysPanel: React.FunctionComponent<ApiKeysPanelProps> = ({ api, toasts, uiSettings }) => {
  const keys = useList(useCallback(() => api.listApiKeys(), [api]));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [actionError, setActionError] = useState<string>();
  const revoke = useConfirmedAction<ApiKeyInfo>(
    async (key) => {
      await api.revokeApiKey(key.id);
      toasts.addSuccess(`Revoked API key ${key.name}`);
      // The secret of a key that no longer works is of no use to anyone.
      if (created?.id === key.id) setCreated(undefined);
    },
    (error) => {
      setActionError(error);
      void keys.reload();
    }
  );

  const onCreated = (key: CreatedApiKey) => {
    setCreating(false);
    setCreated(key);
    setActionError(undefined);
    void keys.reload();
  };

  const columns: Array<EuiBasicTableColumn<ApiKeyInfo>> = [
    { field: 'name', name: 'Name', render: (name: string, key: ApiKeyInfo) => <span data-test-subj={`apiKeyName-${key.id}`}>{name}</span> },
    { field: 'id', name: 'ID', render: (id: string) => <EuiCode className="osdApiKeyId">{id}</EuiCode> },
    { field: 'roles', name: 'Roles', render: (roles: string[]) => <RoleBadges roles={roles} /> },
    {
      field: 'expiration',
      name: 'Expiration',
      render: (_expiration: number | null, key: ApiKeyInfo) => (
        <EuiText size="s" color={key.expired ? 'danger' : undefined}>
          {describeExpiration(key, uiSettings)}
        </EuiText>
      ),
    },
    {
      field: 'creation',
      name: 'Created',
      render: (creation: number, key: ApiKeyInfo) => `${formatTime(creation, uiSettings)}${key.created_by ? ` by ${key.created_by}` : ''}`,
    },
    {
      name: 'Actions',
      width: '80px',
      render: (key: ApiKeyInfo) => (
        <EuiButtonIcon
          iconType="trash"
          color="danger"
          aria-label={`Revoke ${key.name}`}
          title="Revoke"
          onClick={() => revoke.ask(key)}
          data-test-subj={`revokeApiKey-${key.id}`}
        />
      ),
    },
  ];

  return (
    <section aria-labelledby="apiKeysPanelTitle">
      <PanelHeader titleId="apiKeysPanelTitle" title="API keys" createLabel="Create API key" onCreate={() => setCreating(true)} createTestSubj="createApiKeyButton" />
      {created && (
        <>
          <ApiKeySecret created={created} onDismiss={() => setCreated(undefined)} />
          <EuiSpacer size="m" />
        </>
      )}
      <ErrorCallout error={actionError ?? keys.error} data-test-subj="apiKeysError" />
      <EuiBasicTable<ApiKeyInfo>
        items={keys.items}
        itemId="id"
        columns={columns}
        loading={keys.loading}
        noItemsMessage={keys.loading ? 'Loading API keys…' : 'No API keys'}
        rowProps={(key) => ({ 'data-test-subj': `apiKeyRow-${key.id}` })}
        data-test-subj="apiKeysTable"
      />
      {creating && <ApiKeyFlyout api={api} onClose={() => setCreating(false)} onCreated={onCreated} />}
      <ConfirmActionModal action={revoke} title={(key) => `Revoke API key ${key.name}?`} confirmButtonText="Revoke key" data-test-subj="confirmRevokeApiKey">
        <p>Anything still using this key gets 401 Unauthorized from now on. This cannot be undone.</p>
      </ConfirmActionModal>
    </section>
  );
};
