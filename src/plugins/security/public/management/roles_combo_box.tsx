import React from 'react';
import { EuiComboBox, type EuiComboBoxOptionOption } from '@opensearch-project/oui';
import { ROLE_NAMES } from '../../common/privileges';

export interface RolesComboBoxProps {
  selected: string[];
  onChange(roles: string[]): void;
  isInvalid?: boolean;
  'data-test-subj': string;
  /** For the label's `htmlFor`. */
  id?: string;
}

const OPTIONS: Array<EuiComboBoxOptionOption<string>> = ROLE_NAMES.map((role) => ({
  label: role,
  value: role,
  'data-test-subj': `roleOption-${role}`,
}));

/** A multi-select of the built-in roles; no custom entries (the server knows no other roles). */
export const RolesComboBox: React.FunctionComponent<RolesComboBoxProps> = ({ selected, onChange, isInvalid, id, ...rest }) => (
  <EuiComboBox<string>
    id={id}
    fullWidth
    placeholder="Select roles"
    options={OPTIONS}
    selectedOptions={OPTIONS.filter((option) => selected.includes(option.value!))}
    onChange={(options) => onChange(options.map((option) => option.value!))}
    isInvalid={isInvalid}
    isClearable
    data-test-subj={rest['data-test-subj']}
  />
);
