import React, { useCallback, useState } from 'react';
import { EuiBasicTable, EuiButtonIcon, EuiFlexGroup, EuiFlexItem, type EuiBasicTableColumn } from '@opensearch-project/oui';
import type { IToasts } from '../../../../core/public';
import type { UserFormMode } from './form_validation';
import { ConfirmActionModal, ErrorCallout, PanelHeader, RoleBadges, useConfirmedAction } from './panel_parts';
import type { ManagedUser, SecurityManagementApi } from './security_api';
import { useList } from './use_list';
import { UserFlyout } from './user_flyout';

export interface UsersPanelProps {
  api: SecurityManagementApi;
  toasts: Pick<IToasts, 'addSuccess'>;
}

type Editing = { mode: UserFormMode; user?: ManagedUser };

/** The users table, with create, change roles, reset password and delete (after a confirm). */
export const UsersPanel: React.FunctionComponent<UsersPanelProps> = ({ api, toasts }) => {
  const users = useList(useCallback(() => api.listUsers(), [api]));
  const [editing, setEditing] = useState<Editing>();
  // A refused change (the last admin, a 404 after someone else deleted) stays on screen until the next one.
  const [actionError, setActionError] = useState<string>();
  const remove = useConfirmedAction<ManagedUser>(
    async (user) => {
      await api.deleteUser(user.username);
      toasts.addSuccess(`Deleted user ${user.username}`);
    },
    (error) => {
      setActionError(error);
      void users.reload();
    }
  );

  const saved = (message: string) => {
    setEditing(undefined);
    setActionError(undefined);
    toasts.addSuccess(message);
    void users.reload();
  };

  const action = (user: ManagedUser, mode: UserFormMode, icon: string, label: string, testSubj: string) => (
    <EuiButtonIcon
      iconType={icon}
      aria-label={`${label} ${user.username}`}
      title={label}
      onClick={() => setEditing({ mode, user })}
      data-test-subj={`${testSubj}-${user.username}`}
    />
  );

  const columns: Array<EuiBasicTableColumn<ManagedUser>> = [
    { field: 'username', name: 'Username', render: (username: string) => <span data-test-subj={`userName-${username}`}>{username}</span> },
    {
      field: 'roles',
      name: 'Roles',
      render: (roles: string[], user: ManagedUser) => (
        <span data-test-subj={`userRoles-${user.username}`}>
          <RoleBadges roles={roles} />
        </span>
      ),
    },
    {
      name: 'Actions',
      width: '140px',
      render: (user: ManagedUser) => (
        <EuiFlexGroup gutterSize="xs" responsive={false}>
          <EuiFlexItem grow={false}>{action(user, 'roles', 'pencil', 'Change roles of', 'editUserRoles')}</EuiFlexItem>
          <EuiFlexItem grow={false}>{action(user, 'password', 'lock', 'Reset password of', 'resetPassword')}</EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButtonIcon
              iconType="trash"
              color="danger"
              aria-label={`Delete ${user.username}`}
              title="Delete"
              onClick={() => remove.ask(user)}
              data-test-subj={`deleteUser-${user.username}`}
            />
          </EuiFlexItem>
        </EuiFlexGroup>
      ),
    },
  ];

  return (
    <section aria-labelledby="usersPanelTitle">
      <PanelHeader titleId="usersPanelTitle" title="Users" createLabel="Create user" onCreate={() => setEditing({ mode: 'create' })} createTestSubj="createUserButton" />
      <ErrorCallout error={actionError ?? users.error} data-test-subj="usersError" />
      <EuiBasicTable<ManagedUser>
        items={users.items}
        itemId="username"
        columns={columns}
        loading={users.loading}
        noItemsMessage={users.loading ? 'Loading users…' : 'No users'}
        rowProps={(user) => ({ 'data-test-subj': `userRow-${user.username}` })}
        data-test-subj="usersTable"
      />
      {editing && (
        <UserFlyout
          mode={editing.mode}
          user={editing.user}
          existingUsernames={users.items.map((u) => u.username)}
          api={api}
          onClose={() => setEditing(undefined)}
          onSaved={saved}
        />
      )}
      <ConfirmActionModal action={remove} title={(user) => `Delete user ${user.username}?`} confirmButtonText="Delete user" data-test-subj="confirmDeleteUser">
        <p>Their sessions end and they can no longer log in. API keys they created keep working until revoked.</p>
      </ConfirmActionModal>
    </section>
  );
};
