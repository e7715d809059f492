import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { createLoggerMock } from '../mocks';
import { isStoreUnavailable, StoreAvailability } from './store_availability';

const unavailable = SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('OpenSearch is unreachable: connect ECONNREFUSED'));

describe('isStoreUnavailable', () => {
  it('is the repository unavailable error and a cluster 429, nothing else', () => {
    expect(isStoreUnavailable(unavailable)).toBe(true);
    expect(isStoreUnavailable(SavedObjectsErrorHelpers.createTooManyRequestsError())).toBe(true);
    expect(isStoreUnavailable(SavedObjectsErrorHelpers.createBadRequestError('x'))).toBe(false);
    expect(isStoreUnavailable(SavedObjectsErrorHelpers.decorateGeneralError(new Error('x')))).toBe(false);
    expect(isStoreUnavailable(new Error('ECONNREFUSED'))).toBe(false);
  });
});

describe('StoreAvailability', () => {
  it('warns once when the store goes, refuses until the next probe, and says once that it is back', () => {
    let now = 0;
    const logger = createLoggerMock();
    const availability = new StoreAvailability({ logger, probeIntervalMs: 5000, retryAfterS: 30, now: () => now });
    expect(availability.refusal()).toBe(0);
    availability.succeeded();
    expect(logger.info).not.toHaveBeenCalled();
    expect(availability.failed(new Error('bug'))).toBe(false);
    expect(availability.isAway).toBe(false);

    expect(availability.failed(unavailable)).toBe(true);
    expect(availability.failed(unavailable)).toBe(true);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toBe(
      'The saved-objects store is not available (OpenSearch is unreachable: connect ECONNREFUSED): ui-metric reports are answered 503 with Retry-After: 30 until it is back'
    );
    expect(availability.refusal()).toBe(30);
    now = 5000;
    // One probe per interval.
    expect(availability.refusal()).toBe(0);
    expect(availability.refusal()).toBe(30);
    availability.failed(unavailable);
    now = 10000;
    expect(availability.refusal()).toBe(0);
    availability.succeeded();
    availability.succeeded();
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toBe('The saved-objects store is available again: ui-metric reports are stored again');
    expect(availability.refusal()).toBe(0);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
