import React, { useMemo } from 'react';
import { EuiHorizontalRule, EuiSpacer, EuiText, EuiTitle } from '@opensearch-project/oui';
import type { DateFormatSettings, HttpStart, IToasts } from '../../../../core/public';
import { ApiKeysPanel } from './api_keys_panel';
import { createSecurityManagementApi } from './security_api';
import { UsersPanel } from './users_panel';

export interface UsersManagementPageProps {
  http: HttpStart;
  toasts: IToasts;
  /** `core.uiSettings`, for the times in the API keys table. */
  uiSettings: DateFormatSettings;
}

/** Management → Users and API keys, for callers who may manage security. */
export const UsersManagementPage: React.FunctionComponent<UsersManagementPageProps> = ({ http, toasts, uiSettings }) => {
  const api = useMemo(() => createSecurityManagementApi(http), [http]);
  return (
    <div data-test-subj="usersManagementPage">
      <EuiTitle size="l">
        <h1>Users and API keys</h1>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiText size="s" color="subdued">
        <p>Users log in with a password; scripts and other services send an API key. Both hold roles: admin, viewer or monitoring.</p>
      </EuiText>
      <EuiSpacer size="l" />
      <UsersPanel api={api} toasts={toasts} />
      <EuiHorizontalRule margin="xl" />
      <ApiKeysPanel api={api} toasts={toasts} uiSettings={uiSettings} />
    </div>
  );
};
