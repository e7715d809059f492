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
import { checkJson, checkOption, parseNumberInput } from '../lib/field_validation';
import { editorLock, getEditableValue, isDefaultValue } from '../lib/settings_lib';
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
 * (the browser's own check, worded from the setting's validation, or the server's) under the editor. An
 * invalid edit stays in the editor as typed, marked, and keeps Save disabled.
 */
export class Field extends PureComponent<FieldProps> {
  private change(change: FieldState) {
    this.props.handleChange(this.props.setting.name, change);
  }

  private onNumber = (input: HTMLInputElement) => {
    const parsed = parseNumberInput({ text: input.value, badInput: input.validity?.badInput }, this.props.setting.validation);
    // The text stays as typed (an unreadable one reads as '', which the browser keeps showing as typed).
    this.change('error' in parsed ? { value: input.value, isInvalid: true, error: parsed.error } : { value: parsed.value });
  };

  private onValue = (raw: any) => {
    const { setting } = this.props;
    const error = setting.type === 'json' ? checkJson(raw) : setting.type === 'select' ? checkOption(setting, raw) : undefined;
    this.change(error ? { value: raw, isInvalid: true, error } : { value: raw });
  };

  private resetField = () => {
    const { type, defVal } = this.props.setting;
    this.change({ value: getEditableValue(type, defVal) });
  };

  private renderEditor(currentValue: any) {
    const { setting, enableSaving, loading, unsavedChanges } = this.props;
    const { name, type, options = [], optionLabels = {}, ariaName } = setting;
    const { disabled } = editorLock(setting, { enableSaving, loading });
    const isInvalid = Boolean(unsavedChanges?.isInvalid);
    // `aria-invalid` too: OUI only colours the editor; the row ties the message to it (aria-describedby).
    const common = { 'aria-label': ariaName, 'aria-invalid': isInvalid || undefined, 'data-test-subj': `advancedSetting-editField-${name}`, disabled };
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
            // A stored value the list does not hold (a zone alias such as US/Eastern) is shown, not replaced.
            options={(currentValue && !options.includes(currentValue) ? [currentValue, ...options] : options).map((option: string) => ({
              text: optionLabels[option] ?? option,
              value: option,
            }))}
            onChange={(e) => this.onValue(e.target.value)}
          />
        );
      case 'number':
        // A number setting that also takes words (upstream's "Infinity") needs a text box to type them in.
        return setting.validation?.allowedText?.length ? (
          <EuiFieldText
            {...common}
            fullWidth
            inputMode="decimal"
            isInvalid={isInvalid}
            value={String(currentValue ?? '')}
            onChange={(e) => this.onNumber(e.target)}
          />
        ) : (
          <EuiFieldNumber
            {...common}
            fullWidth
            isInvalid={isInvalid}
            value={typeof currentValue === 'number' && Number.isNaN(currentValue) ? '' : currentValue}
            onChange={(e) => this.onNumber(e.target)}
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
    const { note } = editorLock(setting, { enableSaving });
    if (note) return <span data-test-subj={`advancedSetting-overriddenNote-${setting.name}`}>{note}</span>;
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
