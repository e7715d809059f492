import React from 'react';
import ReactDOM from 'react-dom';
import type { AppMountParameters, CoreStart } from '../../../../core/public';
import type { BrowserLocation } from '../types';
import { LoginPage } from './login_page';
import './login_page.css';
import { LOGGED_OUT_MESSAGE, safeNextUrl } from './next_url';

export function mountLoginApp(core: CoreStart, { element, history }: AppMountParameters, location: BrowserLocation) {
  const query = new URLSearchParams(history.location.search);
  const next = safeNextUrl(query.get('next'), { basePath: core.http.basePath.get(), origin: location.origin() });
  const I18nContext = core.i18n.Context;
  ReactDOM.render(
    <I18nContext>
      <LoginPage http={core.http} next={next} loggedOut={query.get('msg') === LOGGED_OUT_MESSAGE} onLoggedIn={(url) => location.assign(url)} />
    </I18nContext>,
    element
  );
  return () => {
    ReactDOM.unmountComponentAtNode(element);
  };
}
