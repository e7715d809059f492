import React, { useCallback, useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiButton,
  EuiButtonIcon,
  EuiCallOut,
  EuiConfirmModal,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@opensearch-project/oui';
import type { IToasts } from '../../../../core/public';
import type { UserFormMode } from './form_validation';
import { errorMessage, type ManagedUser, type SecurityManagementApi } from './security_api';
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
  const [deleting, setDeleting] = useState<ManagedUser>();
  const [deleteBusy, setDeleteBusy] = useState(false);
  // A refused change (the last admin, a 404 after someone else deleted) stays on screen until the next one.
  const [actionError, setActionError] = useState<string>();

  const saved = (message: string) => {
    setEditing(undefined);
    setActionError(undefined);
    toasts.addSuccess(message);
    void users.reload();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    try {
      await api.deleteUser(deleting.username);
      setActionError(undefined);
      toasts.addSuccess(`Deleted user ${deleting.username}`);
    } catch (error) {
      setActionError(errorMessage(error));
    }
    setDeleteBusy(false);
    setDeleting(undefined);
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
          {roles.length ? roles.map((role) => <EuiBadge key={role}>{role}</EuiBadge>) : <EuiText size="s" color="subdued">No roles</EuiText>}
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
              onClick={() => setDeleting(user)}
              data-test-subj={`deleteUser-${user.username}`}
            />
          </EuiFlexItem>
        </EuiFlexGroup>
      ),
    },
  ];

  const error = actionError ?? users.error;
  return (
    <section aria-labelledby="usersPanelTitle">
      <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2 id="usersPanelTitle">Users</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton iconType="plusInCircle" onClick={() => setEditing({ mode: 'create' })} data-test-subj="createUserButton">
            Create user
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {error && (
        <>
          <EuiCallOut color="danger" iconType="alert" title={error} role="alert" data-test-subj="usersError" />
          <EuiSpacer size="m" />
        </>
      )}
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
      {deleting && (
        <EuiConfirmModal
          title={`Delete user ${deleting.username}?`}
          onCancel={() => setDeleting(undefined)}
          onConfirm={confirmDelete}
          cancelButtonText="Cancel"
          confirmButtonText="Delete user"
          buttonColor="danger"
          defaultFocusedButton="cancel"
          isLoading={deleteBusy}
          data-test-subj="confirmDeleteUser"
        >
          <p>Their sessions end and they can no longer log in. API keys they created keep working until revoked.</p>
        </EuiConfirmModal>
      )}
    </section>
  );
};
