import React from 'react';
import { EuiTitle } from '@opensearch-project/oui';

/** The page title when no plugin registered one. */
export const PageTitle = () => (
  <EuiTitle size="m">
    <h1 data-test-subj="managementSettingsTitle">Advanced settings</h1>
  </EuiTitle>
);

/** Nothing under the title by default. */
export const PageSubtitle = () => null;

/** Nothing after the settings by default (telemetry registers its "Usage Data" section here). */
export const PageFooter = () => null;
