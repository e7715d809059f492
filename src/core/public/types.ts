import React from 'react';
import { ApplicationSetup, ApplicationStart } from './application/types';
import { ChromeStart } from './chrome/types';
import { DocLinksStart } from './doc_links';
import { FatalErrorsSetup, FatalErrorsStart } from './fatal_errors';
import { HttpSetup, HttpStart } from './http/types';
import { InjectedMetadataSetup, InjectedMetadataStart } from './injected_metadata/injected_metadata_service';
import { NotificationsSetup, NotificationsStart } from './notifications';
import { OverlayStart } from './overlays';
import { UiSettingsSetup, UiSettingsStart } from './ui_settings/types';

/** `i18n`: a provider apps wrap their tree in (messages are English only for now). */
export interface I18nStart {
  Context: React.FunctionComponent<{ children?: React.ReactNode }>;
}

/** What a public half's `setup(core, deps)` receives as `core`. */
export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  application: ApplicationSetup;
  fatalErrors: FatalErrorsSetup;
  http: HttpSetup;
  notifications: NotificationsSetup;
  uiSettings: UiSettingsSetup;
  injectedMetadata: Pick<InjectedMetadataSetup, 'getInjectedVar'>;
  /** Resolves once every plugin has started: core's start contracts, this plugin's dependencies' and its own. */
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

/** What a public half's `start(core, deps)` receives as `core`. */
export interface CoreStart {
  application: ApplicationStart;
  chrome: ChromeStart;
  docLinks: DocLinksStart;
  http: HttpStart;
  i18n: I18nStart;
  notifications: NotificationsStart;
  overlays: OverlayStart;
  uiSettings: UiSettingsStart;
  injectedMetadata: InjectedMetadataStart;
  fatalErrors: FatalErrorsStart;
}

export type StartServicesAccessor<TPluginsStart extends object = object, TStart = unknown> = () => Promise<
  [CoreStart, TPluginsStart, TStart]
>;
