import React from 'react';
import ReactDOM from 'react-dom';
import type { CoreStart } from '../../../../core/public';
import type { ManagementSectionMountParams } from '../../../advanced_settings/public';
import { canManageSecurity } from './access';
import { NoAccessPrompt } from './no_access_prompt';
import { UsersManagementPage } from './users_management_page';
import './users_management.css';

/** The section's mount: the page for those who may manage security, the reason for everyone else. */
export function mountUsersManagement(core: CoreStart, { element }: ManagementSectionMountParams) {
  ReactDOM.render(
    <core.i18n.Context>
      {canManageSecurity(core.application.capabilities) ? (
        <UsersManagementPage http={core.http} toasts={core.notifications.toasts} uiSettings={core.uiSettings} />
      ) : (
        <NoAccessPrompt />
      )}
    </core.i18n.Context>,
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
