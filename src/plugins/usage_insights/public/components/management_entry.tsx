import React from 'react';
import { EuiButton, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@opensearch-project/oui';
import { APP_TITLE } from '../../common';

/** The Management section: what the app shows, and the way to it (a plain link: core navigates in the page). */
export const ManagementEntry: React.FunctionComponent<{ appUrl: string }> = ({ appUrl }) => (
  <EuiPanel paddingSize="l" data-test-subj="usageInsightsManagementEntry">
    <EuiTitle size="m">
      <h2>{APP_TITLE}</h2>
    </EuiTitle>
    <EuiSpacer size="s" />
    <EuiText>
      <p>
        Charts of the usage data this deployment collects: time on screen and clicks per application, the most used UI
        events, server-side usage counters, the telemetry reports it generated and the health of every collector. It
        is all read locally; nothing is sent.
      </p>
    </EuiText>
    <EuiSpacer size="m" />
    <EuiButton href={appUrl} fill iconType="visBarVertical" data-test-subj="usageInsightsOpenApp">
      Open Usage insights
    </EuiButton>
  </EuiPanel>
);
