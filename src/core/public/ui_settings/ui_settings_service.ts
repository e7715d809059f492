import { HttpSetup } from '../http/types';
import { InjectedMetadataSetup } from '../injected_metadata/injected_metadata_service';
import { UiSettingsClient } from './ui_settings_client';
import { UiSettingsSetup, UiSettingsStart } from './types';

/** One settings client for the page, seeded from the injected metadata. */
export class UiSettingsService {
  private client?: UiSettingsClient;

  public setup({ http, injectedMetadata }: { http: HttpSetup; injectedMetadata: InjectedMetadataSetup }): UiSettingsSetup {
    const { defaults, user } = injectedMetadata.getUiSettings();
    this.client = new UiSettingsClient({ http, defaults, user });
    return this.client;
  }

  public start(): UiSettingsStart {
    if (!this.client) throw new Error('UiSettingsService.start() called before setup()');
    return this.client;
  }
}
