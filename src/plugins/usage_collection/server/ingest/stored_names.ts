import type { ISavedObjectsRepository } from '../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import {
  APPLICATION_USAGE_DAILY_TYPE,
  APPLICATION_USAGE_TOTALS_TYPE,
  APPLICATION_USAGE_TRANSACTIONAL_TYPE,
} from '../collectors/application_usage/saved_object_types';

/** Objects per read when listing stored names: 50,000 names take ten reads, each short. */
export const STORED_NAMES_PAGE_SIZE = 5000;

interface NamedObject {
  id: string;
  attributes?: unknown;
}

/**
 * The store calls this module uses. `scan` (keyset paging: every page costs the same however deep) is used
 * when the repository has it; otherwise `find` page by page, which a store also serves, only with deeper
 * pages costing more.
 */
export type NameSource = Pick<ISavedObjectsRepository, 'find'> & {
  scan?: (options: { type: string | string[]; perPage?: number; fields?: string[] }) => AsyncIterable<NamedObject[]>;
};

async function* objectPages(source: NameSource, type: string, fields: string[], pageSize: number): AsyncGenerator<NamedObject[]> {
  if (typeof source.scan === 'function') {
    yield* source.scan({ type, perPage: pageSize, fields });
    return;
  }
  for (let page = 1; ; page++) {
    const { saved_objects: objects } = await source.find({ type, fields, page, perPage: pageSize });
    if (objects.length > 0) yield objects;
    // A short page is the last; objects added meanwhile cannot make this loop for ever.
    if (objects.length < pageSize) return;
  }
}

/** Ids of every stored `ui-metric` counter (`<appName>:<eventName>`, `<key>:<user agent>`). */
export async function* storedUiMetricIds(source: NameSource, pageSize = STORED_NAMES_PAGE_SIZE): AsyncGenerator<string[]> {
  for await (const objects of objectPages(source, UI_METRIC_SAVED_OBJECT_TYPE, ['count'], pageSize)) {
    yield objects.map((o) => o.id);
  }
}

/**
 * Every application id with stored usage: in the transactional documents not yet rolled up, the daily ones
 * (90 days) and the totals, which together hold every application ever reported.
 */
export async function* storedApplicationIds(source: NameSource, pageSize = STORED_NAMES_PAGE_SIZE): AsyncGenerator<string[]> {
  for (const type of [APPLICATION_USAGE_TOTALS_TYPE, APPLICATION_USAGE_DAILY_TYPE, APPLICATION_USAGE_TRANSACTIONAL_TYPE]) {
    for await (const objects of objectPages(source, type, ['appId'], pageSize)) {
      const ids: string[] = [];
      for (const object of objects) {
        const appId = (object.attributes as { appId?: unknown } | undefined)?.appId;
        if (typeof appId === 'string') ids.push(appId);
      }
      yield ids;
    }
  }
}
