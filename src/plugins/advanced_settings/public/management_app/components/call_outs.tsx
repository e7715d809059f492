import React from 'react';
import { EuiCallOut } from '@opensearch-project/oui';

/** The warning at the top of the page. */
export const CallOuts = () => (
  <EuiCallOut title="Caution: these settings can break things" color="warning" iconType="bolt" data-test-subj="advancedSettingsCallOut">
    <p>
      These settings change how the whole product behaves, for every user. Some are experimental or undocumented. Clearing
      a field puts its default back; removing a custom setting deletes it for good.
    </p>
  </EuiCallOut>
);
