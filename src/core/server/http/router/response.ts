import { STATUS_CODES } from 'http';
import { Readable } from 'stream';

export type ResponseHeaders = Record<string, string | string[]>;

/** What a handler may send: JSON-able data, text, bytes or a stream. */
export type ResponseBody = Record<string, any> | any[] | string | Buffer | Readable | number | boolean | null;

export interface ErrorBodyObject {
  message: string;
  attributes?: Record<string, unknown>;
}

/** An error response body: a message, an error, or a message with attributes. */
export type ResponseError = string | Error | ErrorBodyObject;

export interface HttpResponseOptions {
  body?: ResponseBody;
  headers?: ResponseHeaders;
}

export interface ErrorHttpResponseOptions {
  body?: ResponseError;
  headers?: ResponseHeaders;
}

export interface CustomHttpResponseOptions {
  statusCode: number;
  body?: ResponseBody | ResponseError;
  headers?: ResponseHeaders;
}

/** A handler's answer. Only the response factory creates these. */
export class OpenSearchDashboardsResponse {
  constructor(
    public readonly status: number,
    public readonly payload?: ResponseBody | ResponseError,
    public readonly headers: ResponseHeaders = {}
  ) {}
}

export type IOpenSearchDashboardsResponse = OpenSearchDashboardsResponse;

/** The JSON body of an error status, in hapi/Boom's shape that upstream clients parse. */
export function errorBody(status: number, payload?: ResponseError | ResponseBody) {
  let message: string;
  let attributes: Record<string, unknown> | undefined;
  if (payload instanceof Error) message = payload.message;
  else if (typeof payload === 'string') message = payload;
  else if (payload && typeof payload === 'object' && 'message' in (payload as any)) {
    message = String((payload as ErrorBodyObject).message);
    attributes = (payload as ErrorBodyObject).attributes;
  } else message = STATUS_CODES[status] ?? 'Error';
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Unknown',
    message,
    ...(attributes ? { attributes } : {}),
  };
}

const success = (status: number) => (options: HttpResponseOptions = {}) =>
  new OpenSearchDashboardsResponse(status, options.body, options.headers);
const failure = (status: number) => (options: ErrorHttpResponseOptions = {}) =>
  new OpenSearchDashboardsResponse(status, options.body ?? STATUS_CODES[status], options.headers);

/** The response factory handed to every route handler. */
export const responseFactory = {
  ok: success(200),
  accepted: success(202),
  noContent: (options: { headers?: ResponseHeaders } = {}) =>
    new OpenSearchDashboardsResponse(204, undefined, options.headers),
  redirected: (options: HttpResponseOptions & { headers: ResponseHeaders & { location: string } }) =>
    new OpenSearchDashboardsResponse(302, options.body, options.headers),
  badRequest: failure(400),
  unauthorized: failure(401),
  forbidden: failure(403),
  notFound: failure(404),
  conflict: failure(409),
  internalError: failure(500),
  customError: (options: CustomHttpResponseOptions) => {
    if (!options || options.statusCode < 400 || options.statusCode > 599) {
      throw new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${options?.statusCode}`);
    }
    return new OpenSearchDashboardsResponse(options.statusCode, options.body ?? STATUS_CODES[options.statusCode], options.headers);
  },
  custom: (options: CustomHttpResponseOptions) => {
    if (!options || !options.statusCode) {
      throw new Error(`options.statusCode is expected to be set. given options: ${options && options.statusCode}`);
    }
    return new OpenSearchDashboardsResponse(options.statusCode, options.body, options.headers);
  },
};

export type OpenSearchDashboardsResponseFactory = typeof responseFactory;
