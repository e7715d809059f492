import React, { useEffect, useRef, useState } from 'react';
import { EuiCallOut } from '@opensearch-project/oui';
import type { ChromeBreadcrumb, ScopedHistory } from '../../../../core/public';
import type { ManagementSection } from '../management_sections/types';
import { sectionPath } from './side_nav';

export interface SectionOutletProps {
  section: ManagementSection;
  /** The Management app's history. */
  appHistory: ScopedHistory;
  /** `<basePath>/app/management`. */
  appBasePath: string;
  /** Sets the header's crumbs after "Dashboards Management" (the app puts its own first). */
  setBreadcrumbs(crumbs: ChromeBreadcrumb[]): void;
}

/**
 * Hands a registered section an element of its own and runs its unmount when the section is left (render
 * it with `key={section.id}`). A mount that fails shows its message here instead of an empty page.
 */
export const SectionOutlet: React.FunctionComponent<SectionOutletProps> = ({ section, appHistory, appBasePath, setBreadcrumbs }) => {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    const path = sectionPath(section.id);
    const history = appHistory.createSubHistory(path);
    // A plain link, as the side nav's (core's link interceptor navigates in the page).
    const titleCrumb: ChromeBreadcrumb = { text: section.title, href: appHistory.createHref({ pathname: path }) };
    const setSectionCrumbs = (crumbs: ChromeBreadcrumb[]) => setBreadcrumbs(crumbs.length ? [titleCrumb, ...crumbs] : [{ text: section.title }]);
    // Before `mount`: a section that sets its own crumbs while mounting must not be overwritten.
    setSectionCrumbs([]);

    let disposed = false;
    let unmount: (() => void) | undefined;
    const failed = (e: unknown) => {
      if (!disposed) setError(e instanceof Error ? e : new Error(String(e)));
    };
    try {
      const result = section.mount({ element: element.current!, history, basePath: `${appBasePath}${path}`, setBreadcrumbs: setSectionCrumbs });
      Promise.resolve(result).then((callback) => {
        if (typeof callback !== 'function') return failed(new Error(`section "${section.id}": mount must return an unmount function`));
        // Left before a lazy section finished mounting: undo it at once.
        if (disposed) callback();
        else unmount = callback;
      }, failed);
    } catch (e) {
      failed(e);
    }
    return () => {
      disposed = true;
      unmount?.();
    };
  }, [section, appHistory, appBasePath, setBreadcrumbs]);

  return (
    <>
      {error && (
        <EuiCallOut color="danger" iconType="alert" title={`Could not open "${section.title}"`} data-test-subj="managementSectionError">
          <p>{error.message}</p>
        </EuiCallOut>
      )}
      <div ref={element} data-test-subj={`managementSection-${section.id}`} />
    </>
  );
};
