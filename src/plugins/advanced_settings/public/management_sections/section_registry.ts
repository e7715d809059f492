import type { ManagementSection, ManagementSectionSpec, ManagementSectionsSetup, ManagementSectionsStart } from './types';

/** The built-in section's id: its URL (`/opensearch-dashboards/settings`) is taken. */
export const ADVANCED_SETTINGS_SECTION_ID = 'settings';
export const DEFAULT_SECTION_ORDER = 100;

/* The id becomes a URL segment and a `data-test-subj`: keep it to characters that need no escaping. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * The sections other plugins add to the Management app. Registration happens in setup only: the side nav
 * is drawn from a list that no longer changes once plugins have started.
 */
export class ManagementSectionRegistry {
  private readonly sections = new Map<string, ManagementSection>();
  private started = false;

  public setup(): ManagementSectionsSetup {
    return { registerSection: (spec) => this.register(spec) };
  }

  public start(): ManagementSectionsStart {
    this.started = true;
    // Sorted once: the list is final now. `sort` is stable, so equal orders keep registration order.
    const sorted = Object.freeze([...this.sections.values()].sort((a, b) => a.order - b.order));
    return { getSections: () => sorted };
  }

  private register(spec: ManagementSectionSpec) {
    const id = spec?.id;
    if (this.started) throw new Error(`Management section "${id}" must be registered during setup.`);
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      throw new Error(
        `Management section id "${id}" is invalid: use lower-case letters, digits, "-" and "_", starting with a letter or digit (it becomes the URL /app/management/opensearch-dashboards/<id>).`
      );
    }
    if (id === ADVANCED_SETTINGS_SECTION_ID) throw new Error(`Management section id "${id}" is taken by Advanced settings.`);
    const existing = this.sections.get(id);
    if (existing) throw new Error(`Management section "${id}" is already registered (titled "${existing.title}").`);
    if (typeof spec.title !== 'string' || spec.title.trim() === '') throw new Error(`Management section "${id}" needs a non-empty "title".`);
    if (typeof spec.mount !== 'function') throw new Error(`Management section "${id}" needs a "mount" function.`);
    const order = spec.order ?? DEFAULT_SECTION_ORDER;
    if (typeof order !== 'number' || !Number.isFinite(order)) throw new Error(`Management section "${id}": "order" must be a finite number.`);
    // A copy, so the caller cannot change a section after registering it.
    this.sections.set(id, Object.freeze({ id, title: spec.title, order, mount: spec.mount }));
  }
}
