export { HttpService } from './http_service';
export { httpConfig, toHttpConfig, HttpConfigFileError } from './http_config';
export type { HttpConfig, HttpConfigType } from './http_config';
export type { RequestObservation } from './http_server';
export type { NotFoundPageRenderer } from './not_found';
export type * from './types';
export { createHttpResources, corePageHeaders, pageSecurityHeaders } from './resources';
export type * from './resources/types';
export * from './router';
export { AuthStatus, REQUEST_KEY } from './lifecycle';
export type {
  AuthenticationHandler,
  AuthResult,
  AuthResultParams,
  AuthToolkit,
  HttpAuth,
  LifecycleResponseFactory,
  OnPostAuthHandler,
  OnPostAuthToolkit,
  OnPreAuthHandler,
  OnPreAuthToolkit,
  OnPreResponseHandler,
  OnPreResponseInfo,
  OnPreResponseToolkit,
} from './lifecycle';
export { exceedsJsonDepth, MAX_JSON_BODY_DEPTH, jsonDepthMessage } from '../../utils/json_depth';
