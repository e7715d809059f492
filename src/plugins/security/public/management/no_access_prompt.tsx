import React from 'react';
import { EuiEmptyPrompt } from '@opensearch-project/oui';

export const NO_ACCESS_MESSAGE = 'You need the admin role to manage users and API keys.';

/** What a user without `security.manage` sees instead of the page (the routes would answer 403). */
export const NoAccessPrompt: React.FunctionComponent = () => (
  <EuiEmptyPrompt
    iconType="lock"
    title={<h2>Users and API keys</h2>}
    body={<p data-test-subj="usersManagementNoAccessMessage">{NO_ACCESS_MESSAGE}</p>}
    data-test-subj="usersManagementNoAccess"
  />
);
