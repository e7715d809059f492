export { Router } from './router';
export type { RouterRoute } from './router';
export { responseFactory, OpenSearchDashboardsResponse, errorBody } from './response';
export type {
  OpenSearchDashboardsResponseFactory,
  IOpenSearchDashboardsResponse,
  ResponseError,
  ResponseHeaders,
} from './response';
export type { OpenSearchDashboardsRequest } from './request';
export { RouteValidationError, validatePart } from './validator';
export { toServerPath } from './route_path';
export type * from './types';
