import React from 'react';
import { EuiSearchBar, Query } from '@opensearch-project/oui';
import { getCategoryName } from '../lib/settings_lib';

interface SearchProps {
  query: Query;
  categories: string[];
  onQueryChange: (change: { query: Query }) => void;
}

/** The search box with a category filter. A query that does not parse leaves the list as it was. */
export const Search: React.FunctionComponent<SearchProps> = ({ query, categories, onQueryChange }) => (
  <EuiSearchBar
    // OUI declares `Query` twice (components/ and eui_components/); both are the same class at run time.
    query={query as any}
    box={{ incremental: true, 'data-test-subj': 'settingsSearchBar', 'aria-label': 'Search advanced settings', placeholder: 'Search advanced settings' } as any}
    filters={[
      {
        type: 'field_value_selection',
        field: 'category',
        name: 'Category',
        multiSelect: 'or',
        options: categories.map((category) => ({ value: category, name: getCategoryName(category) })),
      },
    ]}
    onChange={({ query: next, error }) => {
      if (!error && next) onQueryChange({ query: next as unknown as Query });
    }}
  />
);
