import type { CoreSetup, Plugin } from '../../../core/public';

/** Nothing to offer other plugins yet (upstream's feature catalogue is not needed here). */
export type HomePublicPluginSetup = void;
export type HomePublicPluginStart = void;

/** Registers the `home` app, where `/` leads. */
export class HomePublicPlugin implements Plugin<HomePublicPluginSetup, HomePublicPluginStart> {
  public setup(core: CoreSetup) {
    core.application.register({
      id: 'home',
      title: 'Home',
      order: 0,
      euiIconType: 'home',
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { mountHomeApp } = await import('./home_app');
        return mountHomeApp(coreStart, params);
      },
    });
  }

  public start() {}
}
