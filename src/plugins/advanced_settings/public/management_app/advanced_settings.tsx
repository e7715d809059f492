import React, { Component } from 'react';
import { Subscription } from 'rxjs';
import { Comparators, EuiFlexGroup, EuiFlexItem, EuiSpacer, Query } from '@opensearch-project/oui';
import type { DocLinksStart, IToasts, IUiSettingsClient } from '../../../../core/public';
import { ComponentRegistry } from '../component_registry';
import { CallOuts } from './components/call_outs';
import { Form } from './components/form';
import { Search } from './components/search';
import { DEFAULT_CATEGORY, toEditableConfig } from './lib/settings_lib';
import { FieldSetting } from './types';

export interface AdvancedSettingsProps {
  enableSaving: boolean;
  uiSettings: IUiSettingsClient;
  toasts: IToasts;
  dockLinks?: DocLinksStart['links'];
  componentRegistry: ComponentRegistry['start'];
  /** Initial search text (from the URL). */
  queryText?: string;
  /** Told whenever the number of unsaved edits changes. */
  onUnsavedChangesCount?: (count: number) => void;
}

interface State {
  query: Query;
  footerQueryMatched: boolean;
  settings: FieldSetting[];
}

type Grouped = Record<string, FieldSetting[]>;

function readSettings(uiSettings: IUiSettingsClient): FieldSetting[] {
  return Object.entries(uiSettings.getAll())
    .map(([name, def]) => toEditableConfig(name, def, uiSettings.isCustom(name)))
    .filter((setting) => !setting.readonly)
    .sort(Comparators.property('name', Comparators.default('asc')));
}

function group(settings: FieldSetting[]): Grouped {
  const grouped: Grouped = {};
  for (const setting of settings) (grouped[setting.category[0]] ??= []).push(setting);
  return grouped;
}

function sortCategories(grouped: Grouped) {
  return Object.keys(grouped).sort((a, b) => (a === DEFAULT_CATEGORY ? -1 : b === DEFAULT_CATEGORY ? 1 : a.localeCompare(b)));
}

/** The Advanced Settings page: title, search, every setting by category, and the registered footer. */
export class AdvancedSettings extends Component<AdvancedSettingsProps, State> {
  private subscription?: Subscription;

  constructor(props: AdvancedSettingsProps) {
    super(props);
    this.state = { query: Query.parse(props.queryText ?? ''), footerQueryMatched: false, settings: readSettings(props.uiSettings) };
  }

  public componentDidMount() {
    // Saves (and their roll-backs) change the values shown.
    this.subscription = this.props.uiSettings.getUpdate$().subscribe(() => this.setState({ settings: readSettings(this.props.uiSettings) }));
  }

  public componentWillUnmount() {
    this.subscription?.unsubscribe();
  }

  private onQueryChange = ({ query }: { query: Query }) => this.setState({ query });
  private clearQuery = () => this.setState({ query: Query.parse(''), footerQueryMatched: false });
  private onFooterQueryMatchChange = (matched: boolean) => this.setState({ footerQueryMatched: matched });

  public render() {
    const { componentRegistry, uiSettings, toasts, enableSaving, dockLinks, onUnsavedChangesCount } = this.props;
    const { query, settings, footerQueryMatched } = this.state;
    const grouped = group(settings);
    const categories = sortCategories(grouped);
    const counts = Object.fromEntries(categories.map((c) => [c, grouped[c].length]));
    const visible = group(Query.execute(query, settings));
    const { PAGE_TITLE_COMPONENT, PAGE_SUBTITLE_COMPONENT, PAGE_FOOTER_COMPONENT } = componentRegistry.componentType;
    const PageTitle = componentRegistry.get(PAGE_TITLE_COMPONENT);
    const PageSubtitle = componentRegistry.get(PAGE_SUBTITLE_COMPONENT);
    const PageFooter = componentRegistry.get(PAGE_FOOTER_COMPONENT);

    return (
      <div data-test-subj="advancedSettingsPage">
        <EuiFlexGroup gutterSize="m" alignItems="center">
          <EuiFlexItem>
            <PageTitle />
          </EuiFlexItem>
          <EuiFlexItem>
            <Search query={query} categories={categories} onQueryChange={this.onQueryChange} />
          </EuiFlexItem>
        </EuiFlexGroup>
        <PageSubtitle />
        <EuiSpacer size="m" />
        <CallOuts />
        <EuiSpacer size="m" />
        <Form
          settings={grouped}
          visibleSettings={visible}
          categories={categories}
          categoryCounts={counts}
          clearQuery={this.clearQuery}
          showNoResultsMessage={!footerQueryMatched}
          enableSaving={enableSaving}
          uiSettings={uiSettings}
          toasts={toasts}
          dockLinks={dockLinks}
          onUnsavedChangesCount={onUnsavedChangesCount}
        />
        <PageFooter toasts={toasts} query={query} onQueryMatchChange={this.onFooterQueryMatchChange} enableSaving={enableSaving} />
      </div>
    );
  }
}
