import React, { Fragment, PureComponent } from 'react';
import {
  EuiBottomBar,
  EuiButton,
  EuiButtonEmpty,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTextColor,
  EuiToolTip,
} from '@opensearch-project/oui';
import type { DocLinksStart, IToasts, IUiSettingsClient } from '../../../../../core/public';
import { toMountPoint } from '../../../../../core/public';
import { getCategoryName, getEditableValue, toSavedValue } from '../lib/settings_lib';
import { FieldSetting, FieldState } from '../types';
import { Field } from './field';

export interface FormProps {
  settings: Record<string, FieldSetting[]>;
  visibleSettings: Record<string, FieldSetting[]>;
  categories: string[];
  categoryCounts: Record<string, number>;
  clearQuery: () => void;
  showNoResultsMessage: boolean;
  enableSaving: boolean;
  uiSettings: IUiSettingsClient;
  toasts: IToasts;
  dockLinks?: DocLinksStart['links'];
  /** Told whenever the number of unsaved edits changes (the app asks before leaving with some). */
  onUnsavedChangesCount?: (count: number) => void;
}

const BOTTOM_BAR_BODY_CLASS = 'osdBody--mgtAdvancedSettingsHasBottomBar';

interface FormState {
  unsavedChanges: Record<string, FieldState>;
  loading: boolean;
}

/**
 * The settings by category, and the bottom bar that appears with unsaved edits. Saving sends each edit on
 * its own; an edit the server refuses stays in the form with the server's message under it.
 */
export class Form extends PureComponent<FormProps, FormState> {
  public state: FormState = { unsavedChanges: {}, loading: false };

  public componentDidUpdate(_props: FormProps, previous: FormState) {
    const count = Object.keys(this.state.unsavedChanges).length;
    document.body.classList.toggle(BOTTOM_BAR_BODY_CLASS, count > 0);
    if (count !== Object.keys(previous.unsavedChanges).length) this.props.onUnsavedChangesCount?.(count);
  }

  public componentWillUnmount() {
    document.body.classList.remove(BOTTOM_BAR_BODY_CLASS);
    this.props.onUnsavedChangesCount?.(0);
  }

  private findSetting(key: string) {
    return Object.values(this.props.settings)
      .flat()
      .find((s) => s.name === key);
  }

  private handleChange = (key: string, change: FieldState) => {
    const setting = this.findSetting(key);
    if (!setting) return;
    if (!change.isInvalid && change.value === getEditableValue(setting.type, setting.value, setting.defVal)) {
      return this.clearChange(key);
    }
    this.setState(({ unsavedChanges }) => ({ unsavedChanges: { ...unsavedChanges, [key]: change } }));
  };

  private clearChange = (key: string) => {
    this.setState(({ unsavedChanges }) => {
      const next = { ...unsavedChanges };
      delete next[key];
      return { unsavedChanges: next };
    });
  };

  private clearAll = () => this.setState({ unsavedChanges: {} });

  private saveAll = async () => {
    const { uiSettings, toasts } = this.props;
    const pending = Object.entries(this.state.unsavedChanges);
    if (!pending.length) return;
    this.setState({ loading: true });
    const refused: Record<string, string> = {};
    const subscription = uiSettings.getUpdateErrors$().subscribe((error) => (refused[error.key] = error.message));
    const failed: Record<string, FieldState> = {};
    let needsReload = false;
    try {
      for (const [key, change] of pending) {
        const setting = this.findSetting(key);
        if (!setting) continue;
        let saved = false;
        try {
          saved = await uiSettings.set(key, toSavedValue(setting, change.value));
        } catch (e) {
          refused[key] = (e as Error).message;
        }
        if (saved) needsReload = needsReload || setting.requiresPageReload;
        else failed[key] = { value: change.value, isInvalid: true, error: refused[key] ?? 'Unable to save' };
      }
    } finally {
      subscription.unsubscribe();
    }
    this.setState({ unsavedChanges: failed, loading: false });
    if (needsReload) {
      toasts.add({
        title: 'One or more settings require you to reload the page to take effect.',
        color: 'success',
        'data-test-subj': 'advancedSettingsReloadToast',
        text: toMountPoint(
          <EuiFlexGroup justifyContent="flexEnd" gutterSize="s">
            <EuiFlexItem grow={false}>
              <EuiButton size="s" onClick={() => window.location.reload()}>
                Reload page
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
        ),
      });
    }
  };

  private renderCategory(category: string, settings: FieldSetting[], total: number) {
    const hidden = total - settings.length;
    return (
      <Fragment key={category}>
        <EuiPanel paddingSize="l" data-test-subj={`advancedSettingsCategory-${category}`}>
          <EuiForm>
            <EuiText>
              <EuiFlexGroup alignItems="baseline">
                <EuiFlexItem grow={false}>
                  <h2>{getCategoryName(category)}</h2>
                </EuiFlexItem>
                {hidden > 0 && (
                  <EuiFlexItem grow={false}>
                    <em>
                      {`Search terms are hiding ${hidden} settings `}
                      <EuiLink onClick={this.props.clearQuery}>(clear search)</EuiLink>
                    </em>
                  </EuiFlexItem>
                )}
              </EuiFlexGroup>
            </EuiText>
            <EuiSpacer size="m" />
            {settings.map((setting) => (
              <Field
                key={setting.name}
                setting={setting}
                handleChange={this.handleChange}
                clearChange={this.clearChange}
                unsavedChanges={this.state.unsavedChanges[setting.name]}
                enableSaving={this.props.enableSaving}
                loading={this.state.loading}
                toasts={this.props.toasts}
                dockLinks={this.props.dockLinks}
              />
            ))}
          </EuiForm>
        </EuiPanel>
        <EuiSpacer size="l" />
      </Fragment>
    );
  }

  private renderBottomBar() {
    const { unsavedChanges, loading } = this.state;
    const count = Object.keys(unsavedChanges).length;
    const visible = new Set(Object.values(this.props.visibleSettings).flat().map((s) => s.name));
    const hidden = Object.keys(unsavedChanges).filter((k) => !visible.has(k)).length;
    const invalid = Object.values(unsavedChanges).some((c) => c.isInvalid);
    return (
      <EuiBottomBar data-test-subj="advancedSetting-bottomBar">
        <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" responsive={false} gutterSize="s">
          <EuiFlexItem grow={false}>
            <p id="advancedSettingsUnsavedCount">
              <EuiTextColor color="ghost">
                {`${count} unsaved ${count === 1 ? 'setting' : 'settings'}${hidden ? `, ${hidden} hidden` : ''}`}
              </EuiTextColor>
            </p>
          </EuiFlexItem>
          <EuiFlexItem />
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty color="ghost" size="s" iconType="cross" onClick={this.clearAll} data-test-subj="advancedSetting-cancelButton">
              Cancel changes
            </EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiToolTip content={invalid ? 'Fix invalid settings before saving.' : undefined}>
              <EuiButton
                disabled={invalid}
                color="secondary"
                fill
                size="s"
                iconType="check"
                onClick={this.saveAll}
                isLoading={loading}
                aria-describedby="advancedSettingsUnsavedCount"
                data-test-subj="advancedSetting-saveButton"
              >
                Save changes
              </EuiButton>
            </EuiToolTip>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiBottomBar>
    );
  }

  public render() {
    const { visibleSettings, categories, categoryCounts, showNoResultsMessage, clearQuery } = this.props;
    const shown = categories.filter((c) => visibleSettings[c]?.length);
    const hasChanges = Object.keys(this.state.unsavedChanges).length > 0;
    return (
      <>
        <div>
          {shown.length
            ? shown.map((c) => this.renderCategory(c, visibleSettings[c], categoryCounts[c]))
            : showNoResultsMessage && (
                <EuiPanel paddingSize="l" data-test-subj="advancedSettingsNoResults">
                  {'No settings found '}
                  <EuiLink onClick={clearQuery}>(clear search)</EuiLink>
                </EuiPanel>
              )}
        </div>
        {/* Room for the bottom bar, so it never covers the last setting. */}
        {hasChanges && <div style={{ height: 64 }} />}
        {hasChanges && this.renderBottomBar()}
      </>
    );
  }
}
