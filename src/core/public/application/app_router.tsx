import React, { useMemo } from 'react';
import { ApplicationService, CurrentApp } from './application_service';
import { AppContainer, AppNotFound } from './app_container';
import { useObservable } from '../utils/use_observable';

/** Renders the app the URL names; a new app id means a fresh container (unmount, then mount). */
export const AppRouter: React.FunctionComponent<{ application: ApplicationService }> = ({ application }) => {
  const current$ = useMemo(() => application.getCurrent$(), [application]);
  const current = useObservable<CurrentApp>(current$, {});

  if (!current.appId) return null;
  if (!current.app) return <AppNotFound appId={current.appId} />;
  return (
    <AppContainer
      key={current.app.id}
      app={current.app}
      createMountParams={(app, element) => application.createMountParams(app, element)}
    />
  );
};
