import React, { useCallback, useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonIcon,
  EuiCallOut,
  EuiCode,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@opensearch-project/oui';
import type { IToasts } from '../../../../core/public';
import { ApiKeyFlyout } from './api_key_flyout';
import { ApiKeySecret } from './api_key_secret';
import { describeExpiration, formatTime } from './format';
import { errorMessage, type ApiKeyInfo, type CreatedApiKey, type SecurityManagementApi } from './security_api';
import { useList } from './use_list';

export interface ApiKeysPanelProps {
  api: SecurityManagementApi;
  toasts: Pick<IToasts, 'addSuccess'>;
}

/** The API keys table, with create (showing the secret once) and revoke (after a confirm). */
export const ApiKeysPanel: React.FunctionComponent<ApiKeysPanelProps> = ({ api, toasts }) => {
  const keys = useList(useCallback(() => api.listApiKeys(), [api]));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKeyInfo>();
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  const onCreated = (key: CreatedApiKey) => {
    setCreating(false);
    setCreated(key);
    setActionError(undefined);
    void keys.reload();
  };

  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    try {
      await api.revokeApiKey(revoking.id);
      setActionError(undefined);
      toasts.addSuccess(`Revoked API key ${revoking.name}`);
      // The secret of a key that no longer works is of no use to anyone.
      if (created?.id === revoking.id) setCreated(undefined);
    } catch (error) {
      setActionError(errorMessage(error));
    }
    setRevokeBusy(false);
    setRevoking(undefined);
    void keys.reload();
  };

  const columns: Array<EuiBasicTableColumn<ApiKeyInfo>> = [
    { field: 'name', name: 'Name', render: (name: string, key: ApiKeyInfo) => <span data-test-subj={`apiKeyName-${key.id}`}>{name}</span> },
    { field: 'id', name: 'ID', render: (id: string) => <EuiCode className="osdApiKeyId">{id}</EuiCode> },
    {
      field: 'roles',
      name: 'Roles',
      render: (roles: string[]) =>
        roles.length ? roles.map((role) => <EuiBadge key={role}>{role}</EuiBadge>) : <EuiText size="s" color="subdued">No roles</EuiText>,
    },
    {
      field: 'expiration',
      name: 'Expiration',
      render: (_expiration: number | null, key: ApiKeyInfo) => (
        <EuiText size="s" color={key.expired ? 'danger' : undefined}>
          {describeExpiration(key)}
        </EuiText>
      ),
    },
    {
      field: 'creation',
      name: 'Created',
      render: (creation: number, key: ApiKeyInfo) => `${formatTime(creation)}${key.created_by ? ` by ${key.created_by}` : ''}`,
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
          onClick={() => setRevoking(key)}
          data-test-subj={`revokeApiKey-${key.id}`}
        />
      ),
    },
  ];

  const error = actionError ?? keys.error;
  return (
    <section aria-labelledby="apiKeysPanelTitle">
      <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2 id="apiKeysPanelTitle">API keys</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton iconType="plusInCircle" onClick={() => setCreating(true)} data-test-subj="createApiKeyButton">
            Create API key
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {created && (
        <>
          <ApiKeySecret created={created} onDismiss={() => setCreated(undefined)} />
          <EuiSpacer size="m" />
        </>
      )}
      {error && (
        <>
          <EuiCallOut color="danger" iconType="alert" title={error} role="alert" data-test-subj="apiKeysError" />
          <EuiSpacer size="m" />
        </>
      )}
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
      {revoking && (
        <EuiConfirmModal
          title={`Revoke API key ${revoking.name}?`}
          onCancel={() => setRevoking(undefined)}
          onConfirm={confirmRevoke}
          cancelButtonText="Cancel"
          confirmButtonText="Revoke key"
          buttonColor="danger"
          defaultFocusedButton="cancel"
          isLoading={revokeBusy}
          data-test-subj="confirmRevokeApiKey"
        >
          <p>Anything still using this key gets 401 Unauthorized from now on. This cannot be undone.</p>
        </EuiConfirmModal>
      )}
    </section>
  );
};
