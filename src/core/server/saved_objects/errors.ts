import { STATUS_CODES } from 'node:http';
import type { SavedObjectError } from './types';

/**
 * Error codes of the saved objects client, the same strings upstream uses, so that code comparing
 * them keeps working. Callers should prefer the `is*Error` helpers.
 */
export const SavedObjectsErrorCode = {
  badRequest: 'SavedObjectsClient/badRequest',
  invalidVersion: 'SavedObjectsClient/invalidVersion',
  notAuthorized: 'SavedObjectsClient/notAuthorized',
  forbidden: 'SavedObjectsClient/forbidden',
  requestEntityTooLarge: 'SavedObjectsClient/requestEntityTooLarge',
  notFound: 'SavedObjectsClient/notFound',
  conflict: 'SavedObjectsClient/conflict',
  tooManyRequests: 'SavedObjectsClient/tooManyRequests',
  cannotExecuteScript: 'SavedObjectsClient/esCannotExecuteScript',
  unavailable: 'SavedObjectsClient/esUnavailable',
  generalError: 'SavedObjectsClient/generalError',
} as const;

export type SavedObjectsErrorCodeValue =
  (typeof SavedObjectsErrorCode)[keyof typeof SavedObjectsErrorCode];

/** The HTTP view of an error, shaped like Boom's `output` so an HTTP layer can send it as is. */
export interface SavedObjectsErrorOutput {
  statusCode: number;
  payload: SavedObjectError;
  headers: Record<string, string>;
}

/**
 * Every error the repository throws on purpose. It carries its HTTP status twice: `statusCode` for
 * plain code, and a Boom-like `output` because upstream consumers read `error.output.statusCode`
 * and bulk responses embed `output.payload`.
 */
export class SavedObjectsClientError extends Error {
  public readonly isBoom = true;
  public readonly output: SavedObjectsErrorOutput;

  constructor(
    public readonly code: SavedObjectsErrorCodeValue,
    public readonly statusCode: number,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'SavedObjectsClientError';
    this.output = {
      statusCode,
      payload: {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Unknown',
        // Like Boom: a 500 never leaks its internal message to HTTP clients.
        message: statusCode === 500 ? 'An internal server error occurred' : message,
      },
      headers: {},
    };
  }
}

export type DecoratedError = SavedObjectsClientError;

/**
 * Upstream "decorates" a caught error in place (Boom.boomify); here a new typed error wraps it as
 * `cause`. A reason is prefixed to the original message, as Boom does.
 */
function decorate(
  error: Error,
  code: SavedObjectsErrorCodeValue,
  statusCode: number,
  reason?: string
): SavedObjectsClientError {
  if (error instanceof SavedObjectsClientError) {
    return error;
  }
  const message = reason ? `${reason}: ${error.message}` : error.message;
  return new SavedObjectsClientError(code, statusCode, message, { cause: error });
}

function hasCode(error: unknown, code: SavedObjectsErrorCodeValue): boolean {
  return error instanceof SavedObjectsClientError && error.code === code;
}

/** Factories and predicates for the saved objects error kinds; the names and messages are upstream's. */
export class SavedObjectsErrorHelpers {
  public static isSavedObjectsClientError(error: unknown): error is SavedObjectsClientError {
    return error instanceof SavedObjectsClientError;
  }

  public static decorateBadRequestError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.badRequest, 400, reason);
  }

  public static createBadRequestError(reason?: string) {
    return SavedObjectsErrorHelpers.decorateBadRequestError(new Error('Bad Request'), reason);
  }

  public static createUnsupportedTypeError(type: string) {
    return SavedObjectsErrorHelpers.createBadRequestError(
      `Unsupported saved object type: '${type}'`
    );
  }

  public static isBadRequestError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.badRequest);
  }

  public static createInvalidVersionError(versionInput?: string) {
    return new SavedObjectsClientError(
      SavedObjectsErrorCode.invalidVersion,
      400,
      `Invalid version [${versionInput}]`
    );
  }

  public static isInvalidVersionError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.invalidVersion);
  }

  public static decorateNotAuthorizedError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.notAuthorized, 401, reason);
  }

  public static isNotAuthorizedError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.notAuthorized);
  }

  public static decorateForbiddenError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.forbidden, 403, reason);
  }

  public static isForbiddenError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.forbidden);
  }

  public static decorateRequestEntityTooLargeError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.requestEntityTooLarge, 413, reason);
  }

  public static isRequestEntityTooLargeError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.requestEntityTooLarge);
  }

  public static createGenericNotFoundError(type: string | null = null, id: string | null = null) {
    const message = type && id ? `Saved object [${type}/${id}] not found` : 'Not Found';
    return new SavedObjectsClientError(SavedObjectsErrorCode.notFound, 404, message);
  }

  public static isNotFoundError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.notFound);
  }

  public static decorateConflictError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.conflict, 409, reason);
  }

  public static createConflictError(type: string, id: string) {
    return SavedObjectsErrorHelpers.decorateConflictError(
      new Error(`Saved object [${type}/${id}] conflict`)
    );
  }

  public static isConflictError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.conflict);
  }

  public static decorateTooManyRequestsError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.tooManyRequests, 429, reason);
  }

  public static createTooManyRequestsError(_type?: string, _id?: string) {
    return SavedObjectsErrorHelpers.decorateTooManyRequestsError(new Error('Too Many Requests'));
  }

  public static isTooManyRequestsError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.tooManyRequests);
  }

  public static decorateOpenSearchCannotExecuteScriptError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.cannotExecuteScript, 400, reason);
  }

  public static isOpenSearchCannotExecuteScriptError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.cannotExecuteScript);
  }

  /** The store could not be reached (closed, locked past the busy timeout, cluster down): 503. */
  public static decorateOpenSearchUnavailableError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.unavailable, 503, reason);
  }

  public static isOpenSearchUnavailableError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.unavailable);
  }

  public static decorateGeneralError(error: Error, reason?: string) {
    return decorate(error, SavedObjectsErrorCode.generalError, 500, reason);
  }

  public static isGeneralError(error: unknown) {
    return hasCode(error, SavedObjectsErrorCode.generalError);
  }
}

/** The payload embedded in bulk responses for a failed item, as upstream's `errorContent`. */
export function errorContent(error: SavedObjectsClientError): SavedObjectError {
  return { ...error.output.payload };
}
