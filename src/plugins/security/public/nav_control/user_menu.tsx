import React, { useState } from 'react';
import {
  EuiAvatar,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHeaderSectionItemButton,
  EuiHorizontalRule,
  EuiPopover,
  EuiText,
} from '@opensearch-project/oui';
import type { AuthenticatedUser } from '../types';

export interface UserMenuProps {
  user: AuthenticatedUser;
  /** Ends the session and leaves the page; the button shows progress until then. */
  onLogout(): Promise<void>;
}

const POPOVER_ID = 'osdSecurityUserMenu';

/** The header's user button: the name, and a popover with the roles and "Log out". */
export const UserMenu: React.FunctionComponent<UserMenuProps> = ({ user, onLogout }) => {
  const [isOpen, setIsOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  const button = (
    <EuiHeaderSectionItemButton
      aria-controls={POPOVER_ID}
      aria-expanded={isOpen}
      aria-haspopup="true"
      // Contains the visible name, so voice users can say what they see.
      aria-label={`Account menu for ${user.username}`}
      onClick={() => setIsOpen((open) => !open)}
      data-test-subj="userMenuButton"
    >
      <span className="osdUserMenu__button">
        <EuiAvatar name={user.username} size="s" />
        <span className="osdUserMenu__name" data-test-subj="userMenuUsername">
          {user.username}
        </span>
      </span>
    </EuiHeaderSectionItemButton>
  );

  const logout = async () => {
    setLoggingOut(true);
    await onLogout();
  };

  return (
    <EuiPopover
      id={POPOVER_ID}
      button={button}
      isOpen={isOpen}
      closePopover={() => setIsOpen(false)}
      anchorPosition="downRight"
      panelPaddingSize="m"
      repositionOnScroll
      data-test-subj="userMenu"
    >
      <div className="osdUserMenu__panel">
        <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiAvatar name={user.username} size="l" />
          </EuiFlexItem>
          <EuiFlexItem>
            <EuiText size="s">
              <p>
                <strong>{user.username}</strong>
                <br />
                <span data-test-subj="userMenuRoles">{user.roles.length ? `Roles: ${user.roles.join(', ')}` : 'No roles'}</span>
              </p>
            </EuiText>
          </EuiFlexItem>
        </EuiFlexGroup>
        <EuiHorizontalRule margin="s" />
        <EuiButtonEmpty iconType="exit" size="s" flush="left" isLoading={loggingOut} onClick={logout} data-test-subj="logoutButton">
          Log out
        </EuiButtonEmpty>
      </div>
    </EuiPopover>
  );
};
