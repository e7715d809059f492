import { errorContent, SavedObjectsClientError, SavedObjectsErrorHelpers as E } from './errors';

describe('SavedObjectsErrorHelpers', () => {
  it('creates upstream messages with HTTP statuses and Boom-like output', () => {
    const notFound = E.createGenericNotFoundError('dashboard', 'd1');
    expect(notFound).toBeInstanceOf(SavedObjectsClientError);
    expect(notFound).toBeInstanceOf(Error);
    expect(notFound.message).toBe('Saved object [dashboard/d1] not found');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.output).toEqual({
      statusCode: 404,
      payload: { statusCode: 404, error: 'Not Found', message: 'Saved object [dashboard/d1] not found' },
      headers: {},
    });
    expect(E.createGenericNotFoundError().message).toBe('Not Found');

    const conflict = E.createConflictError('dashboard', 'd1');
    expect([conflict.statusCode, conflict.message]).toEqual([409, 'Saved object [dashboard/d1] conflict']);

    const unsupported = E.createUnsupportedTypeError('x');
    expect([unsupported.statusCode, unsupported.message]).toEqual([
      400,
      "Unsupported saved object type: 'x': Bad Request",
    ]);
    expect(E.createBadRequestError().message).toBe('Bad Request');
    expect(E.createBadRequestError('why').message).toBe('why: Bad Request');
    expect(E.createInvalidVersionError('v').message).toBe('Invalid version [v]');
    expect(E.createTooManyRequestsError('t', 'i').statusCode).toBe(429);
  });

  it('each predicate recognises only its own kind', () => {
    const cases: Array<[Error, (e: unknown) => boolean, number]> = [
      [E.createBadRequestError('x'), E.isBadRequestError, 400],
      [E.createInvalidVersionError('x'), E.isInvalidVersionError, 400],
      [E.decorateNotAuthorizedError(new Error('x')), E.isNotAuthorizedError, 401],
      [E.decorateForbiddenError(new Error('x')), E.isForbiddenError, 403],
      [E.createGenericNotFoundError('t', 'i'), E.isNotFoundError, 404],
      [E.createConflictError('t', 'i'), E.isConflictError, 409],
      [E.decorateRequestEntityTooLargeError(new Error('x')), E.isRequestEntityTooLargeError, 413],
      [E.createTooManyRequestsError(), E.isTooManyRequestsError, 429],
      [E.decorateOpenSearchCannotExecuteScriptError(new Error('x')), E.isOpenSearchCannotExecuteScriptError, 400],
      [E.decorateOpenSearchUnavailableError(new Error('x')), E.isOpenSearchUnavailableError, 503],
      [E.decorateGeneralError(new Error('x')), E.isGeneralError, 500],
    ];
    for (const [error, predicate, status] of cases) {
      expect((error as SavedObjectsClientError).statusCode).toBe(status);
      for (const [, other] of cases) {
        expect(other(error)).toBe(other === predicate);
      }
      expect(E.isSavedObjectsClientError(error)).toBe(true);
    }
    expect(E.isNotFoundError(new Error('plain'))).toBe(false);
    expect(E.isSavedObjectsClientError(undefined)).toBe(false);
  });

  it('decorating keeps the cause, prefixes the reason, and never re-decorates', () => {
    const cause = new Error('socket hang up');
    const decorated = E.decorateOpenSearchUnavailableError(cause, 'store down');
    expect(decorated.message).toBe('store down: socket hang up');
    expect(decorated.cause).toBe(cause);
    expect(E.decorateGeneralError(decorated)).toBe(decorated);
  });

  it('hides 500 messages from the HTTP payload, and errorContent copies the payload', () => {
    const general = E.decorateGeneralError(new Error('SQL detail'));
    expect(general.message).toBe('SQL detail');
    expect(general.output.payload.message).toBe('An internal server error occurred');
    const content = errorContent(E.createConflictError('a', 'b'));
    expect(content).toEqual({ statusCode: 409, error: 'Conflict', message: 'Saved object [a/b] conflict' });
  });
});
