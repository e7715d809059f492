import React from 'react';
import ReactDOM from 'react-dom';
import type { HttpStart, MountPoint } from '../../../../core/public';
import type { AuthenticatedUser, BrowserLocation } from '../types';
import { logout } from './logout';
import { UserMenu } from './user_menu';
import './user_menu.css';

/** The header control for `chrome.navControls.registerRight`. */
export function createUserMenuMount(user: AuthenticatedUser, http: HttpStart, location: BrowserLocation): MountPoint {
  return (element) => {
    ReactDOM.render(<UserMenu user={user} onLogout={() => logout(http, location)} />, element);
    return () => {
      ReactDOM.unmountComponentAtNode(element);
    };
  };
}
