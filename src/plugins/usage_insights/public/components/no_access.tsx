import React from 'react';
import { EuiEmptyPrompt } from '@opensearch-project/oui';
import { APP_TITLE } from '../../common';
import { NO_ACCESS_MESSAGE } from '../access';

/** What a user without `usageInsights.show` sees instead of the page (the API would answer 403). */
export const NoAccessPrompt: React.FunctionComponent = () => (
  <EuiEmptyPrompt
    iconType="lock"
    title={<h1>{APP_TITLE}</h1>}
    body={<p data-test-subj="usageInsightsNoAccessMessage">{NO_ACCESS_MESSAGE}</p>}
    data-test-subj="usageInsightsNoAccess"
  />
);
