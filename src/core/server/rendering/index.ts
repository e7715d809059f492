export { RenderingService } from './rendering_service';
export type { RenderingServiceOptions, RenderingServiceSetup, RenderingSetupDeps } from './rendering_service';
export { getUiBundle } from './bundler';
export type { UiBundle, UiBundleOptions } from './bundler';
