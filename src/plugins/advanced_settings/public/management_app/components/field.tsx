import React, { PureComponent } from 'react';
import {
  EuiDescribedFormGroup,
  EuiFieldNumber,
  EuiFieldText,
  EuiFormRow,
  EuiIconTip,
  EuiLink,
  EuiSelect,
  EuiSpacer,
  EuiSwitch,
  EuiText,
  EuiTextArea,
} from '@opensearch-project/oui';
import type { DocLinksStart, IToasts } from '../../../../../core/public';
import { getEditableValue, isDefaultValue, validateJson } from '../lib/settings_lib';
import { FieldSetting, FieldState } from '../types';

export interface FieldProps {
  setting: FieldSetting;
  /** Called with every edit (and with the default's value on "Reset to default"). */
  handleChange: (name: string, change: FieldState) => void;
  enableSaving: boolean;
  dockLinks?: DocLinksStart['links'];
  toasts?: IToasts;
  clearChange?: (name: string) => void;
  unsavedChanges?: FieldState;
  loading?: boolean;
}

/**
 * One setting: title and description on the left, the editor for its type on the right, and any error
 * (the editor's own or the server's) under the editor.
 */
export class Field extends PureComponent<FieldProps> {
  private change(change: FieldState) {
    this.props.handleChange(this.props.setting.name, change);
  }

  private onValue = (raw: any) => {
    const { type } = this.props.setting;
    if (type === 'number') {
      const number = raw === '' ? NaN : Number(raw);
      this.change(Number.isNaN(number) ? { value: raw, isInvalid: true, error: 'Enter a number' } : { value: number });
    } else if (type === 'json' || type === 'markdown') {
      const error = type === 'json' ? validateJson(raw) : undefined;
      this.change({ value: raw, isInvalid: Boolean(error), error });
    } else {
      this.change({ value: raw });
    }
  };

  private resetField = () => {
    const { type, defVal } = this.props.setting;
    this.change({ value: getEditableValue(type, defVal) });
  };

  private renderEditor(currentValue: any) {
    const { setting, enableSaving, loading, unsavedChanges } = this.props;
    const { name, type, options = [], optionLabels = {}, isOverridden, ariaName } = setting;
    const disabled = Boolean(loading || isOverridden || !enableSaving);
    const common = { 'aria-label': ariaName, 'data-test-subj': `advancedSetting-editField-${name}`, disabled };
    const isInvalid = Boolean(unsavedChanges?.isInvalid);
    switch (type) {
      case 'boolean':
        return (
          <EuiSwitch
            {...common}
            label={currentValue ? 'On' : 'Off'}
            checked={Boolean(currentValue)}
            onChange={(e) => this.onValue(e.target.checked)}
          />
        );
      case 'json':
      case 'markdown':
        return (
          <EuiTextArea
            {...common}
            className="mgtAdvancedSettings__codeEditor"
            style={{ fontFamily: 'Roboto Mono, Consolas, Menlo, Courier, monospace' }}
            rows={6}
            fullWidth
            isInvalid={isInvalid}
            value={currentValue}
            onChange={(e) => this.onValue(e.target.value)}
          />
        );
      case 'select':
        return (
          <EuiSelect
            {...common}
            fullWidth
            isInvalid={isInvalid}
            value={currentValue}
            options={options.map((option) => ({ text: optionLabels[option] ?? option, value: option }))}
            onChange={(e) => this.onValue(e.target.value)}
          />
        );
      case 'number':
        return (
          <EuiFieldNumber
            {...common}
            fullWidth
            isInvalid={isInvalid}
            value={Number.isNaN(currentValue) ? '' : currentValue}
            onChange={(e) => this.onValue(e.target.value)}
          />
        );
      default:
        return (
          <EuiFieldText
            {...common}
            fullWidth
            isInvalid={isInvalid}
            value={currentValue ?? ''}
            onChange={(e) => this.onValue(e.target.value)}
          />
        );
    }
  }

  private renderTitle() {
    const { setting, unsavedChanges } = this.props;
    const isInvalid = unsavedChanges?.isInvalid;
    return (
      <h3>
        <span className="mgtAdvancedSettings__fieldTitle">{setting.displayName}</span>
        {setting.isCustom && <EuiIconTip type="asterisk" color="primary" aria-label="Custom setting" content="Custom setting" />}
        {unsavedChanges && (
          <EuiIconTip
            type={isInvalid ? 'alert' : 'dot'}
            color={isInvalid ? 'danger' : 'warning'}
            aria-label={isInvalid ? 'Invalid' : 'Unsaved'}
            content={isInvalid ? 'Invalid' : 'Unsaved'}
          />
        )}
      </h3>
    );
  }

  private renderDescription() {
    const { setting } = this.props;
    const showDefault = !setting.isCustom && setting.type !== 'boolean' && !isDefaultValue(setting);
    const defaultText =
      setting.type === 'select' && setting.optionLabels?.[String(setting.defVal)]
        ? setting.optionLabels[String(setting.defVal)]
        : Array.isArray(setting.defVal)
        ? setting.defVal.join(', ')
        : String(setting.defVal ?? 'null');
    return (
      <>
        <EuiText size="s">{typeof setting.description === 'string' ? <p>{setting.description}</p> : setting.description}</EuiText>
        {setting.requiresPageReload && (
          <EuiText size="xs" color="subdued">
            <p>Requires a page reload to take effect.</p>
          </EuiText>
        )}
        {showDefault && (
          <>
            <EuiSpacer size="s" />
            <EuiText size="xs">
              {/* <code>, not EuiCode: EuiCode pulls a syntax highlighter into the bundle. */}
              <p>
                Default: <code>{defaultText}</code>
              </p>
            </EuiText>
          </>
        )}
      </>
    );
  }

  private renderHelpText() {
    const { setting, enableSaving, unsavedChanges } = this.props;
    if (setting.isOverridden) return 'This setting is overridden by the OpenSearch Dashboards server and can not be changed.';
    const editedToDefault =
      unsavedChanges && unsavedChanges.value === getEditableValue(setting.type, setting.defVal);
    if (!enableSaving || setting.isCustom || isDefaultValue(setting) || editedToDefault) return undefined;
    return (
      <EuiLink onClick={this.resetField} data-test-subj={`advancedSetting-resetField-${setting.name}`}>
        Reset to default
      </EuiLink>
    );
  }

  public render() {
    const { setting, unsavedChanges } = this.props;
    const currentValue = unsavedChanges ? unsavedChanges.value : getEditableValue(setting.type, setting.value, setting.defVal);
    return (
      <EuiDescribedFormGroup
        id={setting.name}
        className="mgtAdvancedSettings__field"
        data-test-subj={`advancedSetting-field-${setting.name}`}
        title={this.renderTitle()}
        description={this.renderDescription()}
        fullWidth
      >
        <EuiFormRow
          label={setting.name}
          fullWidth
          isInvalid={Boolean(unsavedChanges?.isInvalid)}
          error={unsavedChanges?.error ?? undefined}
          helpText={this.renderHelpText()}
          data-test-subj={`advancedSetting-row-${setting.name}`}
        >
          {this.renderEditor(currentValue)}
        </EuiFormRow>
      </EuiDescribedFormGroup>
    );
  }
}

// eslint-disable-next-line import/no-default-export
export default Field;
